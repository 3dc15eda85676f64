import type { DataSource } from 'typeorm';
import { SUPPORT_APPLICATION_STREAM_PREFIX } from '@lib/domain';
import { toRawRow, verifyChain, type RawEventRow, type StoredEvent } from '@lib/event-store';
import { createEventTypeRegistry } from '@lib/platform';
import type { ApplicationOverviewRow } from '../application-overview/application-overview.entity';
import { evolveOverview } from '../application-overview/application-overview.evolve';
import { applicationOverviewTable } from '../application-overview/application-overview.projection';
import type { Mismatch } from './mismatch';


export interface VerifyReport {
  streams: number;
  events: number;
  applicationsCompared: number;
  mismatches: Mismatch[];
}

const APPLICATION_STREAM = SUPPORT_APPLICATION_STREAM_PREFIX;

/** The read-model fields an auditor relies on; display-only fields are left out. */
const COMPARED: (keyof ApplicationOverviewRow)[] = [
  'programmeId', 'programmeVersion', 'category', 'ward', 'status', 'currentStep', 'version', 'claimedAmount',
  'approvedMonths', 'approvedAmount', 'paidAmount', 'recoveryOrderedAmount', 'recoveredAmount', 'applicant', 'claim',
];

const differences = (expected: ApplicationOverviewRow, actual: ApplicationOverviewRow): { detail: string; vi: string }[] =>
  COMPARED.filter((field) => JSON.stringify(expected[field]) !== JSON.stringify(actual[field])).map((field) => ({
    detail: `${field}: events say ${JSON.stringify(expected[field])}, read model says ${JSON.stringify(actual[field])}`,
    vi: `${field}: theo sự kiện là ${JSON.stringify(expected[field])}, bảng đọc ghi ${JSON.stringify(actual[field])}`,
  }));

/** verifyChain's problems, in Vietnamese. */
const problemVi = (problem: string): string => {
  const missing = /^version (\d+) is missing$/.exec(problem);
  if (missing) return `thiếu phiên bản ${missing[1]}`;
  return problem === 'content does not match its hash' ? 'nội dung không khớp mã băm' : problem;
};

/**
 * Recomputes every stream's hash chain and refolds every application from its events, comparing
 * it with its application_overview row. Reads the log in keyset-paged chunks of whole streams, so
 * a province-sized log never sits in memory. Events past the projection's checkpoint are left out
 * of the comparison: a projector that is merely behind is lag, not tampering.
 */
export class Verifier {
  private readonly registry = createEventTypeRegistry();

  constructor(private readonly dataSource: DataSource, private readonly chunk = 5000) {}

  async verify(onProgress?: (events: number, total: number) => void): Promise<VerifyReport> {
    const report: VerifyReport = { streams: 0, events: 0, applicationsCompared: 0, mismatches: [] };
    const total = Number((await this.dataSource.query('SELECT count(*) AS n FROM events'))[0].n);
    const [checkpoint] = await this.dataSource.query(
      `SELECT transaction_id::text AS transaction_id, position FROM projection_checkpoints WHERE name = 'application-overview'`,
    );
    let after: [string, number] = ['', 0];
    let carry: RawEventRow[] = [];
    for (;;) {
      const rows: RawEventRow[] = (
        await this.dataSource.query(
          `SELECT global_position, transaction_id::text AS transaction_id, event_id, stream_id, stream_version, type, schema_version,
                  data, metadata, recorded_at, hash,
                  ($4::xid8 IS NOT NULL AND (transaction_id, global_position) <= ($4::xid8, $5::bigint)) AS projected
             FROM events WHERE (stream_id, stream_version) > ($1, $2) ORDER BY stream_id, stream_version LIMIT $3`,
          [after[0], after[1], this.chunk, checkpoint?.transaction_id ?? null, checkpoint?.position ?? 0],
        )
      ).map((row: Record<string, unknown>) => ({ ...toRawRow(row), projected: row.projected }));
      if (rows.length === 0) break;
      const last = rows[rows.length - 1];
      after = [last.streamId, last.streamVersion];
      // A stream cut by the page boundary is finished with the next page.
      const all = [...carry, ...rows];
      const complete = rows.length < this.chunk ? all : all.filter((row) => row.streamId !== last.streamId);
      carry = rows.length < this.chunk ? [] : all.filter((row) => row.streamId === last.streamId);
      await this.verifyStreams(complete, report);
      report.events += complete.length;
      onProgress?.(report.events, total);
    }
    await this.verifyStreams(carry, report);
    report.events += carry.length;
    await this.findOrphanRows(report);
    return report;
  }

  private async verifyStreams(rows: (RawEventRow & { projected?: unknown })[], report: VerifyReport): Promise<void> {
    const streams = new Map<string, (RawEventRow & { projected?: unknown })[]>();
    for (const row of rows) streams.set(row.streamId, [...(streams.get(row.streamId) ?? []), row]);
    const folded = new Map<string, ApplicationOverviewRow>();
    for (const [streamId, events] of streams) {
      report.streams += 1;
      const broken = verifyChain(events);
      if (broken) {
        report.mismatches.push({
          kind: 'hash-chain',
          streamId,
          detail: `version ${broken.streamVersion} (position ${broken.position}): ${broken.problem}`,
          vi: `phiên bản ${broken.streamVersion} (vị trí ${broken.position}): ${problemVi(broken.problem)}`,
        });
      }
      if (!streamId.startsWith(APPLICATION_STREAM)) continue;
      const row = events
        .filter((event) => event.projected)
        .map((event): StoredEvent => ({ ...event, storedSchemaVersion: event.schemaVersion, data: this.registry.upcast(event.type, event.schemaVersion, event.data) }))
        .reduce<ApplicationOverviewRow | null>(evolveOverview, null);
      if (row) folded.set(row.applicationId, row);
    }
    if (folded.size === 0) return;
    const records = await this.dataSource.query('SELECT * FROM application_overview WHERE application_id = ANY($1::uuid[])', [[...folded.keys()]]);
    const stored = new Map<string, ApplicationOverviewRow>(records.map((record: Record<string, unknown>) => [String(record.application_id), applicationOverviewTable.fromRecord(record)]));
    for (const [applicationId, expected] of folded) {
      report.applicationsCompared += 1;
      const actual = stored.get(applicationId);
      const streamId = `${APPLICATION_STREAM}${applicationId}`;
      if (!actual) report.mismatches.push({ kind: 'read-model', streamId, detail: 'no application_overview row', vi: 'không có dòng application_overview' });
      else for (const difference of differences(expected, actual)) report.mismatches.push({ kind: 'read-model', streamId, ...difference });
    }
  }

  private async findOrphanRows(report: VerifyReport): Promise<void> {
    const orphans = await this.dataSource.query(
      `SELECT application_id FROM application_overview o
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'support-application-' || o.application_id::text)`,
    );
    for (const orphan of orphans) {
      report.mismatches.push({
        kind: 'read-model',
        streamId: `${APPLICATION_STREAM}${orphan.application_id}`,
        detail: 'an application_overview row with no events behind it',
        vi: 'một dòng application_overview không có sự kiện nào tương ứng',
      });
    }
  }
}
