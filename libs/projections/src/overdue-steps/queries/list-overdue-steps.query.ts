import { Query } from '@nestjs/cqrs';
import type { OverdueStepRow } from '../overdue-steps.entity';

export interface OverdueStepsPage {
  items: OverdueStepRow[];
  nextCursor: string | null;
}

/** Open applications whose awaited step was due before `asOf` (a YYYY-MM-DD date), oldest first. */
export class ListOverdueStepsQuery extends Query<OverdueStepsPage> {
  constructor(
    readonly asOf: string,
    readonly filter: { ward?: string; category?: string; step?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** Overdue applications per awaited step in one ward, as of a date: for the ward dashboard. */
export class CountOverdueStepsQuery extends Query<Record<string, number>> {
  constructor(readonly ward: string, readonly asOf: string) {
    super();
  }
}
