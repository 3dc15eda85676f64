import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { citizenIdKey, identityKeyOf } from '@lib/domain';
import { FindRelatedApplicationsQuery, type RelatedApplication } from './find-related-applications.query';

/** More than this many is a common name, not a person: the officer sees the first ones. */
const LIMIT = 20;

@QueryHandler(FindRelatedApplicationsQuery)
export class FindRelatedApplicationsHandler implements IQueryHandler<FindRelatedApplicationsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ applicationId, programmeId, applicant }: FindRelatedApplicationsQuery): Promise<RelatedApplication[]> {
    const citizenId = citizenIdKey(applicant.citizenId) ?? '';
    const identityKey = identityKeyOf(applicant);
    const rows: (Omit<RelatedApplication, 'relation'> & { sameId: boolean })[] = await this.dataSource.query(
      `SELECT i.application_id AS "applicationId", i.programme_id AS "programmeId", o.category, i.ward, o.status, o.applicant, i.citizen_id = $3 AS "sameId"
         FROM applicant_index i JOIN application_overview o ON o.application_id = i.application_id
        WHERE i.application_id <> $1 AND i.programme_id = $2 AND (i.citizen_id = $3 OR ($4::text IS NOT NULL AND i.identity_key = $4))
        ORDER BY i.submitted_at, i.application_id
        LIMIT ${LIMIT}`,
      [applicationId, programmeId, citizenId, identityKey],
    );
    return rows.map(({ sameId, ...row }) => ({ ...row, relation: sameId ? 'same-id' : 'same-name-and-birth' }));
  }
}
