import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { citizenIdKey, identityKeyOf } from '@lib/domain';
import { preparedQuery } from '../../database/prepared-query';
import { FindRelatedApplicationsQuery, type RelatedApplication } from './find-related-applications.query';

/** More than this many is a common name, not a person: the officer sees the first ones. */
const LIMIT = 20;

@QueryHandler(FindRelatedApplicationsQuery)
export class FindRelatedApplicationsHandler implements IQueryHandler<FindRelatedApplicationsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ applicationId, programmeId, applicant }: FindRelatedApplicationsQuery): Promise<RelatedApplication[]> {
    const citizenId = citizenIdKey(applicant.citizenId) ?? '';
    const identityKey = identityKeyOf(applicant);
    // Each relation's first ones in filing order, read along its index and stopped at LIMIT (the
    // join inside each, so one filed but not yet in the overview does not cut the list short),
    // then the first of both: not every application under the key, sorted (see the migration
    // RelatedApplicationsInOrder1765800000000).
    const first = (where: string) =>
      `(SELECT i.application_id, i.submitted_at FROM applicant_index i JOIN application_overview o ON o.application_id = i.application_id
         WHERE ${where} AND i.programme_id = $2 AND i.application_id <> $1 ORDER BY i.submitted_at, i.application_id LIMIT ${LIMIT})`;
    const rows = await preparedQuery<Omit<RelatedApplication, 'relation'> & { sameId: boolean }>(
      this.dataSource,
      'related-applications',
      `SELECT i.application_id AS "applicationId", i.programme_id AS "programmeId", o.category, i.ward, o.status, o.applicant, i.citizen_id = $3 AS "sameId"
         FROM (${first('i.citizen_id = $3')} UNION ${first('$4::text IS NOT NULL AND i.identity_key = $4')} ORDER BY submitted_at, application_id LIMIT ${LIMIT}) r
         JOIN applicant_index i ON i.application_id = r.application_id JOIN application_overview o ON o.application_id = r.application_id
        ORDER BY r.submitted_at, r.application_id`,
      [applicationId, programmeId, citizenId, identityKey],
    );
    return rows.map(({ sameId, ...row }) => ({ ...row, relation: sameId ? 'same-id' : 'same-name-and-birth' }));
  }
}
