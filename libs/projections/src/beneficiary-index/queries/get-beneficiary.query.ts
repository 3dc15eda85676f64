import { Query } from '@nestjs/cqrs';
import type { BeneficiaryApplicationRow, BeneficiaryIndexRow } from '../beneficiary-index.entity';

export interface Beneficiary {
  summary: BeneficiaryIndexRow;
  applications: BeneficiaryApplicationRow[];
}

/** A person by citizen ID: every application and payment across wards, categories, programmes. */
export class GetBeneficiaryQuery extends Query<Beneficiary | null> {
  constructor(readonly citizenId: string) {
    super();
  }
}
