import { Query } from '@nestjs/cqrs';
import type { OfficerActivityRow } from '../officer-activity.entity';

/** One officer's actions per day between two dates (inclusive). */
export class GetOfficerActivityQuery extends Query<OfficerActivityRow[]> {
  constructor(readonly officerId: string, readonly from: string, readonly to: string) {
    super();
  }
}
