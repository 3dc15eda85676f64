import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BeneficiaryApplicationRow, BeneficiaryIndexRow } from '../beneficiary-index.entity';
import { GetBeneficiaryQuery, type Beneficiary } from './get-beneficiary.query';

@QueryHandler(GetBeneficiaryQuery)
export class GetBeneficiaryHandler implements IQueryHandler<GetBeneficiaryQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ citizenId }: GetBeneficiaryQuery): Promise<Beneficiary | null> {
    const summary = await this.dataSource.getRepository(BeneficiaryIndexRow).findOneBy({ citizenId });
    if (!summary) return null;
    const applications = await this.dataSource.getRepository(BeneficiaryApplicationRow).find({ where: { citizenId }, order: { submittedAt: 'ASC', applicationId: 'ASC' } });
    return { summary, applications };
  }
}
