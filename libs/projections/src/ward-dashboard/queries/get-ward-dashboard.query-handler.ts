import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource, MoreThan } from 'typeorm';
import { WardDashboardRow } from '../ward-dashboard.entity';
import { GetWardDashboardQuery } from './get-ward-dashboard.query';

@QueryHandler(GetWardDashboardQuery)
export class GetWardDashboardHandler implements IQueryHandler<GetWardDashboardQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ ward }: GetWardDashboardQuery): Promise<WardDashboardRow[]> {
    return this.dataSource.getRepository(WardDashboardRow).find({
      where: { ward, applications: MoreThan(0) },
      order: { category: 'ASC', status: 'ASC' },
    });
  }
}
