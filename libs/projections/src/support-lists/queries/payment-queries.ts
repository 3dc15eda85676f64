import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

/** The applications of a ward held by this person, for a returned payment row that names the person, not the application. */
export class FindApplicationsOfPersonQuery extends Query<{ applicationId: string; status: string }[]> {
  constructor(readonly ward: string, readonly citizenId: string) {
    super();
  }
}

export interface CountAndAmount {
  count: number;
  amount: number;
}

export interface Reconciliation {
  ward: string;
  approved: CountAndAmount;
  paid: CountAndAmount;
  unpaid: CountAndAmount;
  mismatched: CountAndAmount;
}

/** A ward's approved, paid and unpaid supports, and unpaid ones whose returned payment did not match. */
export class GetReconciliationQuery extends Query<Reconciliation> {
  constructor(readonly ward: string) {
    super();
  }
}

@QueryHandler(FindApplicationsOfPersonQuery)
export class FindApplicationsOfPersonHandler implements IQueryHandler<FindApplicationsOfPersonQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ ward, citizenId }: FindApplicationsOfPersonQuery) {
    const rows: { application_id: string; status: string }[] = await this.dataSource.query(
      `SELECT application_id, status FROM application_overview WHERE ward = $1 AND applicant->>'citizenId' = $2 ORDER BY submitted_at`,
      [ward, citizenId],
    );
    return rows.map((row) => ({ applicationId: row.application_id, status: row.status }));
  }
}

/**
 * From read models only: the applications' rows, and the mismatches of the returned payment
 * lists (payment_mismatches); a mismatch counts while its application is still unpaid.
 */
@QueryHandler(GetReconciliationQuery)
export class GetReconciliationHandler implements IQueryHandler<GetReconciliationQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ ward }: GetReconciliationQuery): Promise<Reconciliation> {
    const [row] = await this.dataSource.query(
      `WITH mismatched AS (SELECT DISTINCT application_id FROM payment_mismatches WHERE ward = $1)
       SELECT count(*) FILTER (WHERE approved_amount > 0)::int AS approved_count,
              coalesce(sum(approved_amount) FILTER (WHERE approved_amount > 0), 0)::text AS approved_amount,
              count(*) FILTER (WHERE paid_amount > 0)::int AS paid_count,
              coalesce(sum(paid_amount), 0)::text AS paid_amount,
              count(*) FILTER (WHERE status = 'approved')::int AS unpaid_count,
              coalesce(sum(approved_amount - paid_amount) FILTER (WHERE status = 'approved'), 0)::text AS unpaid_amount,
              count(*) FILTER (WHERE status = 'approved' AND application_id IN (SELECT application_id FROM mismatched))::int AS mismatched_count,
              coalesce(sum(approved_amount - paid_amount) FILTER (WHERE status = 'approved' AND application_id IN (SELECT application_id FROM mismatched)), 0)::text AS mismatched_amount
         FROM application_overview WHERE ward = $1`,
      [ward],
    );
    const pair = (count: number, amount: string): CountAndAmount => ({ count, amount: Number(amount) });
    return {
      ward,
      approved: pair(row.approved_count, row.approved_amount),
      paid: pair(row.paid_count, row.paid_amount),
      unpaid: pair(row.unpaid_count, row.unpaid_amount),
      mismatched: pair(row.mismatched_count, row.mismatched_amount),
    };
  }
}
