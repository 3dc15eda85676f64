import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { InvalidCursor } from '../../application-overview/queries/list-applications.query-handler';
import { overdueStepsTable } from '../overdue-steps.projection';
import { CountOverdueStepsQuery, ListOverdueStepsQuery, type OverdueStepsPage } from './list-overdue-steps.query';
import { preparedQuery } from '../../database/prepared-query';
import { ReadSource, readsOn, type Reads } from '../../read-replica/read-source';

const encode = (dueOn: string, id: string): string => Buffer.from(JSON.stringify([dueOn, id])).toString('base64url');

const decode = (cursor: string): [string, string] => {
  try {
    const [dueOn, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error();
    return [dueOn, id];
  } catch {
    throw new InvalidCursor('cursor is not one this service gave out');
  }
};

/** Keyset paging on (due_on, application_id): the longest overdue first. */
@QueryHandler(ListOverdueStepsQuery)
export class ListOverdueStepsHandler implements IQueryHandler<ListOverdueStepsQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ asOf, filter, limit, cursor }: ListOverdueStepsQuery): Promise<OverdueStepsPage> {
    return this.reads.run(async (dataSource) => {
      const [afterDue, afterId] = cursor ? decode(cursor) : [null, null];
      const records: Record<string, unknown>[] = await dataSource.query(
        `SELECT *, counted_from::text AS counted_from, due_on::text AS due_on FROM overdue_steps
          WHERE due_on < $1::date AND ($2::text IS NULL OR ward = $2) AND ($3::text IS NULL OR category = $3) AND ($4::text IS NULL OR current_step = $4)
            AND ($5::date IS NULL OR (due_on, application_id) > ($5::date, $6::uuid))
          ORDER BY overdue_steps.due_on, overdue_steps.application_id LIMIT $7`,
        [asOf, filter.ward ?? null, filter.category ?? null, filter.step ?? null, afterDue, afterId, limit + 1],
      );
      const items = records.slice(0, limit).map((record) => overdueStepsTable.fromRecord(record));
      const last = items[items.length - 1];
      return { items, nextCursor: records.length > limit && last ? encode(last.dueOn!, last.applicationId) : null };
    });
  }
}

@QueryHandler(CountOverdueStepsQuery)
export class CountOverdueStepsHandler implements IQueryHandler<CountOverdueStepsQuery> {
  private readonly reads: Reads;

  constructor(@Inject(ReadSource) source: ReadSource | DataSource) {
    this.reads = readsOn(source);
  }

  execute({ ward, asOf }: CountOverdueStepsQuery): Promise<Record<string, number>> {
    return this.reads.run(async (dataSource) => {
      // Prepared: asked by every ward dashboard, its planning cost more than its execution.
      const rows = await preparedQuery<{ current_step: string; n: number }>(
        dataSource,
        'overdue-counts',
        `SELECT current_step, count(*)::int AS n FROM overdue_steps WHERE ward = $1 AND due_on < $2::date GROUP BY current_step ORDER BY current_step`,
        [ward, asOf],
      );
      return Object.fromEntries(rows.map((row) => [row.current_step, row.n]));
    });
  }
}
