import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Between, DataSource } from 'typeorm';
import { OfficerActivityRow } from '../officer-activity.entity';
import { GetOfficerActivityQuery } from './get-officer-activity.query';
import { ReadSource, readsOn, type Reads } from '../../read-replica/read-source';

@QueryHandler(GetOfficerActivityQuery)
export class GetOfficerActivityHandler implements IQueryHandler<GetOfficerActivityQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ officerId, from, to }: GetOfficerActivityQuery): Promise<OfficerActivityRow[]> {
    return this.reads.run((dataSource) =>
      dataSource.getRepository(OfficerActivityRow).find({
        where: { officerId, day: Between(from, to) },
        order: { day: 'ASC', step: 'ASC', action: 'ASC' },
      }),
    );
  }
}
