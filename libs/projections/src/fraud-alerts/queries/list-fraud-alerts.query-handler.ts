import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { InvalidCursor } from '../../application-overview/queries/list-applications.query-handler';
import { csvStream } from '../../csv/csv-stream';
import type { AlertReason } from '../detectors/alert-reason';
import { alertApplicationIdsSql, alertEvidenceSql, withMembers } from '../alert-members';
import { FraudAlertResolutionRow, FraudAlertRow } from '../fraud-alerts.entity';
import { ExportFraudAlertsCsvQuery, GetFraudAlertQuery, ListFraudAlertsQuery, type FraudAlertDetail, type FraudAlertFilter, type FraudAlertPage } from './list-fraud-alerts.query';
import { ReadSource, readsOn, type Reads } from '../../read-replica/read-source';

const encode = (row: FraudAlertRow): string => Buffer.from(JSON.stringify([String(row.raisedPosition), row.id])).toString('base64url');

const decode = (cursor: string): [string, string] => {
  try {
    const [position, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!/^\d{1,19}$/.test(position) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error();
    return [position, id];
  } catch {
    throw new InvalidCursor('cursor is not one this service gave out');
  }
};

const WHERE = `($1::text IS NULL OR wards @> ARRAY[$1::text]) AND ($2::text IS NULL OR rule = $2) AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR severity = $4)`;
const filterValues = (filter: FraudAlertFilter) => [filter.ward ?? null, filter.rule ?? null, filter.status ?? null, filter.severity ?? null];

/** Keyset paging on (raised_position, id), newest first: a page costs the same at any depth. */
@QueryHandler(ListFraudAlertsQuery)
export class ListFraudAlertsHandler implements IQueryHandler<ListFraudAlertsQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ filter, limit, cursor }: ListFraudAlertsQuery): Promise<FraudAlertPage> {
    return this.reads.run(async (dataSource) => {
      const [position, id] = cursor ? decode(cursor) : [null, null];
      const ids: { id: string }[] = await dataSource.query(
        `SELECT id FROM fraud_alerts WHERE ${WHERE} AND ($5::bigint IS NULL OR (raised_position, id) < ($5::bigint, $6::uuid))
          ORDER BY raised_position DESC, id DESC LIMIT $7`,
        [...filterValues(filter), position, id, limit + 1],
      );
      const page = ids.slice(0, limit).map((row) => row.id);
      const rows = page.length ? await withMembers(dataSource, await dataSource.getRepository(FraudAlertRow).createQueryBuilder('a').whereInIds(page).getMany()) : [];
      const items = page.map((alertId) => rows.find((row) => row.id === alertId)!);
      return { items, nextCursor: ids.length > limit ? encode(items[items.length - 1]) : null };
    });
  }
}

@QueryHandler(GetFraudAlertQuery)
export class GetFraudAlertHandler implements IQueryHandler<GetFraudAlertQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ alertId }: GetFraudAlertQuery): Promise<FraudAlertDetail | null> {
    return this.reads.run(async (dataSource) => {
      const [alert] = await withMembers(dataSource, await dataSource.getRepository(FraudAlertRow).findBy({ id: alertId }));
      if (!alert) return null;
      return { alert, resolution: await dataSource.getRepository(FraudAlertResolutionRow).findOneBy({ alertId }) };
    });
  }
}

export const ALERT_CSV_HEADER = ['id', 'rule', 'severity', 'status', 'title', 'legal_basis', 'ward', 'wards', 'application_ids', 'evidence_positions', 'reasons', 'raised_at', 'updated_at'];

@QueryHandler(ExportFraudAlertsCsvQuery)
export class ExportFraudAlertsCsvHandler implements IQueryHandler<ExportFraudAlertsCsvQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ filter, words }: ExportFraudAlertsCsvQuery): Promise<Readable> {
    return csvStream(
      this.dataSource,
      ALERT_CSV_HEADER,
      `SELECT a.*, ${alertApplicationIdsSql('a')} AS listed_application_ids, ${alertEvidenceSql('a')} AS listed_evidence
         FROM fraud_alerts a WHERE ${WHERE} ORDER BY raised_position DESC, id DESC`,
      filterValues(filter),
      (r) => {
        const alert = { programmeId: String(r.programme_id), rule: String(r.rule), title: String(r.title), legalBasis: String(r.legal_basis) };
        const reasons = r.reasons as AlertReason[];
        return [r.id, r.rule, r.severity, r.status, words?.title(alert) ?? r.title, words?.legalBasis(alert) ?? r.legal_basis, r.ward, r.wards, r.listed_application_ids, r.listed_evidence,
          (words?.reasons(reasons) ?? reasons.map((reason) => reason.key)).join('; '), r.raised_at, r.updated_at];
      },
    );
  }
}
