import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Between, DataSource } from 'typeorm';
import { OfficerActivityRow } from '../officer-activity.entity';
import { GetOfficerActivityQuery } from './get-officer-activity.query';

@QueryHandler(GetOfficerActivityQuery)
export class GetOfficerActivityHandler implements IQueryHandler<GetOfficerActivityQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ officerId, from, to }: GetOfficerActivityQuery): Promise<OfficerActivityRow[]> {
    return this.dataSource.getRepository(OfficerActivityRow).find({
      where: { officerId, day: Between(from, to) },
      order: { day: 'ASC', step: 'ASC', action: 'ASC' },
    });
  }
}
