import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Checkpoint, EventStore, StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { copyTablesInto } from '../rebuild/scratch-tables';
import type { Mismatch } from './mismatch';

export interface ReadModelReport {
  tables: number;
  rows: number;
  mismatches: Mismatch[];
}

export interface ReadModelComparisonOptions {
  /** Events per fold transaction. */
  batchSize?: number;
  /** Differing rows named per table (all of them are counted). */
  rowsNamed?: number;
  onProgress?: (projection: string, events: number) => void;
}

const atOrBefore = (event: StoredEvent, target: Checkpoint): boolean =>
  BigInt(event.transactionId) < BigInt(target.transactionId) || (event.transactionId === target.transactionId && event.position <= Number(target.position));

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const shown = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

/**
 * Compares every registered read model with a fresh fold of the log: each projection is built
 * from zero into empty copies of its tables in a scratch schema, up to the live projection's own
 * checkpoint, and the two are compared table by table in SQL (memory stays flat however big the
 * tables), naming the differing rows by primary key. The last stretch is folded and compared
 * while the live checkpoint row is held, so a projector running meanwhile waits rather than
 * move the target. The scratch schema is dropped at the end.
 */
export class ReadModelComparison {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
    private readonly options: ReadModelComparisonOptions = {},
  ) {}

  async compare(): Promise<ReadModelReport> {
    const schema = `verify_${randomBytes(4).toString('hex')}`;
    const report: ReadModelReport = { tables: 0, rows: 0, mismatches: [] };
    try {
      await copyTablesInto(this.dataSource, schema, this.projections.flatMap((projection) => projection.tables));
      for (const projection of this.projections) await this.compareProjection(projection, schema, report);
    } finally {
      await this.dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
    return report;
  }

  private async liveCheckpoint(manager: Pick<EntityManager, 'query'>, projection: Projection, lock: boolean): Promise<Checkpoint> {
    const [row] = await manager.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM public.projection_checkpoints WHERE name = $1${lock ? ' FOR SHARE' : ''}`,
      [projection.name],
    );
    return row ? { transactionId: row.transaction_id, position: row.position } : { transactionId: '0', position: '0' };
  }

  /** Folds the events after `from` up to `target` into the scratch tables; returns where it stopped. */
  private async foldUpTo(manager: EntityManager | null, projection: Projection, schema: string, from: Checkpoint, target: Checkpoint): Promise<Checkpoint> {
    const batchSize = this.options.batchSize ?? 2000;
    let at = from;
    let folded = 0;
    for (;;) {
      const batch = await this.store.readAll(at, batchSize);
      const events = batch.events.filter((event) => atOrBefore(event, target));
      if (events.length === 0) return at;
      const apply = async (transaction: EntityManager) => {
        await transaction.query(`SET LOCAL search_path TO ${schema}, public`);
        await projection.apply(transaction, events);
        await transaction.query(`SET LOCAL search_path TO public`);
      };
      if (manager) await apply(manager);
      else await this.dataSource.transaction(apply);
      const last = events[events.length - 1];
      at = { transactionId: last.transactionId, position: String(last.position) };
      folded += events.length;
      this.options.onProgress?.(projection.name, folded);
      if (events.length < batch.events.length) return at;
    }
  }

  private async compareProjection(projection: Projection, schema: string, report: ReadModelReport): Promise<void> {
    // Most of the way without holding anything; the rest with the live checkpoint held.
    const reached = await this.foldUpTo(null, projection, schema, { transactionId: '0', position: '0' }, await this.liveCheckpoint(this.dataSource, projection, false));
    await this.dataSource.transaction(async (manager) => {
      const target = await this.liveCheckpoint(manager, projection, true);
      await this.foldUpTo(manager, projection, schema, reached, target);
      for (const table of projection.tables) await this.compareTable(manager, schema, table, report);
    });
  }

  private async primaryKey(manager: EntityManager, table: string): Promise<string[]> {
    const rows: { column: string }[] = await manager.query(
      `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [`public.${table}`],
    );
    return rows.map((row) => row.column);
  }

  private async compareTable(manager: EntityManager, schema: string, table: string, report: ReadModelReport): Promise<void> {
    report.tables += 1;
    const key = await this.primaryKey(manager, table);
    const join = key.map((column) => `f.${quoted(column)} = l.${quoted(column)}`).join(' AND ');
    const keyOf = `jsonb_build_object(${key.map((column) => `'${column}', coalesce(f.${quoted(column)}, l.${quoted(column)})`).join(', ')})`;
    const from = `${schema}.${quoted(table)} f FULL JOIN public.${quoted(table)} l ON ${join}`;
    const differs = `to_jsonb(f) IS DISTINCT FROM to_jsonb(l)`;
    const [{ rows, differing }] = await manager.query(`SELECT count(*)::int AS rows, (count(*) FILTER (WHERE ${differs}))::int AS differing FROM ${from}`);
    report.rows += rows;
    if (differing === 0) return;
    const named = this.options.rowsNamed ?? 20;
    const samples: { key: Record<string, unknown>; fresh: Record<string, unknown> | null; live: Record<string, unknown> | null }[] = await manager.query(
      `SELECT ${keyOf} AS key, to_jsonb(f) AS fresh, to_jsonb(l) AS live FROM ${from} WHERE ${differs} ORDER BY 1 LIMIT ${named}`,
    );
    for (const sample of samples) report.mismatches.push(this.describe(table, key, sample));
    if (differing > samples.length) {
      report.mismatches.push({
        kind: 'read-model',
        table,
        detail: `… and ${differing - samples.length} more rows that differ from a fresh fold of the log`,
        vi: `… và ${differing - samples.length} dòng khác không khớp với bản dựng lại từ sổ sự kiện`,
      });
    }
  }

  /** Names the row by its primary key, in the key's column order. */
  private describe(table: string, key: string[], sample: { key: Record<string, unknown>; fresh: Record<string, unknown> | null; live: Record<string, unknown> | null }): Mismatch {
    const row = key.map((column) => `${column}=${typeof sample.key[column] === 'string' ? sample.key[column] : JSON.stringify(sample.key[column])}`).join(', ');
    if (!sample.live) {
      return { kind: 'read-model', table, detail: `row (${row}) is missing: a fresh fold of the log has it`, vi: `thiếu dòng (${row}): bản dựng lại từ sổ sự kiện có dòng này` };
    }
    if (!sample.fresh) {
      return { kind: 'read-model', table, detail: `row (${row}) has no events behind it: a fresh fold of the log has no such row`, vi: `dòng (${row}) không có sự kiện nào tương ứng: bản dựng lại từ sổ sự kiện không có dòng này` };
    }
    const columns = Object.keys({ ...sample.fresh, ...sample.live }).filter((column) => JSON.stringify(sample.fresh![column]) !== JSON.stringify(sample.live![column]));
    const changes = columns.map((column) => `${column}: the log says ${shown(sample.fresh![column])}, the table says ${shown(sample.live![column])}`);
    const changesVi = columns.map((column) => `${column}: theo sổ sự kiện là ${shown(sample.fresh![column])}, bảng ghi ${shown(sample.live![column])}`);
    return { kind: 'read-model', table, detail: `row (${row}) differs from a fresh fold: ${changes.join('; ')}`, vi: `dòng (${row}) khác bản dựng lại: ${changesVi.join('; ')}` };
  }
}
