import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';

/** A ward's applications (or all, for readers across wards) as CSV, read through a database cursor. */
export class ExportApplicationsCsvQuery extends Query<Readable> {
  constructor(readonly filter: { ward?: string; status?: string; category?: string; reachedSteps?: string[] }) {
    super();
  }
}
