import { Query } from '@nestjs/cqrs';
import type { WardDashboardRow } from '../ward-dashboard.row';

export class GetWardDashboardQuery extends Query<WardDashboardRow[]> {
  constructor(readonly ward: string) {
    super();
  }
}
