import { Query } from '@nestjs/cqrs';
import type { WardDashboardRow } from '../ward-dashboard.entity';

export class GetWardDashboardQuery extends Query<WardDashboardRow[]> {
  constructor(readonly ward: string) {
    super();
  }
}
