import { Query } from '@nestjs/cqrs';
import type { Applicant } from '@lib/domain';

/** Another application that may concern the same person. */
export interface RelatedApplication {
  applicationId: string;
  programmeId: string;
  category: string;
  ward: string;
  status: string;
  /** `same-id`: the same citizen ID; `same-name-and-birth`: another ID under the same name and date of birth. */
  relation: 'same-id' | 'same-name-and-birth';
  applicant: Applicant;
}

/**
 * Applications of the same programme that share this applicant's citizen ID, or their name and
 * date of birth under another ID (a CMND and a CCCD), other than the application itself.
 */
export class FindRelatedApplicationsQuery extends Query<RelatedApplication[]> {
  constructor(readonly applicationId: string, readonly programmeId: string, readonly applicant: Pick<Applicant, 'citizenId' | 'fullName' | 'dateOfBirth'>) {
    super();
  }
}
