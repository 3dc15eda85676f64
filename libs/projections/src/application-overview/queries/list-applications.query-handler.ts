import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { compatible, digitsKey, nameKey } from '@lib/domain';
import { ApplicationOverviewRow } from '../application-overview.entity';
import { ListApplicationsQuery, type ApplicationPage } from './list-applications.query';

export class InvalidCursor extends Error {}

const encodeCursor = (row: ApplicationOverviewRow): string =>
  Buffer.from(JSON.stringify([row.submittedAt.toISOString(), row.applicationId])).toString('base64url');

const decodeCursor = (cursor: string): [string, string] => {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error();
    return [at, id];
  } catch {
    throw new InvalidCursor('cursor is not one this service gave out');
  }
};

/**
 * `q` is a number (a citizen ID or a phone, typed with spaces, dots or full-width digits) or a
 * name: without diacritics, case or spacing, anywhere in the name ("van nam" finds Nguyễn Văn Nam).
 */
const searchOf = (q: string): { where: string; parameters: Record<string, string> } => {
  const text = compatible(q).trim();
  if (/^[\d\s.+()-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return { where: 'i.citizen_id = :searchId OR i.phone = :searchPhone', parameters: { searchId: digits, searchPhone: digitsKey(text) ?? digits } };
  }
  return { where: "i.name_key LIKE :searchName", parameters: { searchName: `%${nameKey(text) ?? ''}%` } };
};

/** Keyset paging on (submitted_at, application_id): a page costs the same at any depth. */
@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filter, limit, cursor }: ListApplicationsQuery): Promise<ApplicationPage> {
    const query = this.dataSource.getRepository(ApplicationOverviewRow).createQueryBuilder('a');
    if (filter.ward) query.andWhere('a.ward = :ward', { ward: filter.ward });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.category) query.andWhere('a.category = :category', { category: filter.category });
    if (filter.q) {
      const search = searchOf(filter.q);
      // The ward again inside: a ward officer's name search scans that ward's index rows only.
      const ward = filter.ward ? 'i.ward = :ward AND ' : '';
      query.andWhere(`a.applicationId IN (SELECT i.application_id FROM applicant_index i WHERE ${ward}(${search.where}))`, search.parameters);
    }
    if (filter.reachedSteps) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.steps) WITH ORDINALITY AS s(name, ord) WHERE s.name = ANY(:reachedSteps) AND s.ord - 1 <= a.next_step)',
        { reachedSteps: filter.reachedSteps },
      );
    }
    if (cursor) {
      const [at, id] = decodeCursor(cursor);
      query.andWhere('(a.submittedAt, a.applicationId) > (:at, :id)', { at, id });
    }
    const rows = await query.orderBy('a.submittedAt', 'ASC').addOrderBy('a.applicationId', 'ASC').take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
  }
}
