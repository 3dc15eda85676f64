import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BeneficiaryApplicationRow, BeneficiaryIndexRow } from '../beneficiary-index.entity';
import { GetBeneficiaryQuery, type Beneficiary } from './get-beneficiary.query';
import { ReadSource, readsOn, type Reads } from '../../read-replica/read-source';

@QueryHandler(GetBeneficiaryQuery)
export class GetBeneficiaryHandler implements IQueryHandler<GetBeneficiaryQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ citizenId }: GetBeneficiaryQuery): Promise<Beneficiary | null> {
    return this.reads.run(async (dataSource) => {
      const summary = await dataSource.getRepository(BeneficiaryIndexRow).findOneBy({ citizenId });
      if (!summary) return null;
      const applications = await dataSource.getRepository(BeneficiaryApplicationRow).find({ where: { citizenId }, order: { submittedAt: 'ASC', applicationId: 'ASC' } });
      return { summary, applications };
    });
  }
}
