import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { csvStream } from '../../csv/csv-stream';
import { ExportApplicationsCsvQuery } from './export-applications-csv.query';

export const APPLICATION_CSV_HEADER = [
  'id', 'programme', 'category', 'ward', 'status', 'current_step', 'citizen_id', 'full_name', 'date_of_birth', 'address', 'phone', 'bank_account',
  'claimed_months', 'approved_months', 'claimed_amount', 'approved_amount', 'paid_amount', 'recovery_ordered_amount', 'recovered_amount', 'submitted_at', 'updated_at',
];

@QueryHandler(ExportApplicationsCsvQuery)
export class ExportApplicationsCsvHandler implements IQueryHandler<ExportApplicationsCsvQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ filter }: ExportApplicationsCsvQuery): Promise<Readable> {
    return csvStream(
      this.dataSource,
      APPLICATION_CSV_HEADER,
      `SELECT * FROM application_overview
        WHERE ($1::text IS NULL OR ward = $1) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR category = $3)
          AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(steps) WITH ORDINALITY AS s(name, ord) WHERE s.name = ANY($4) AND s.ord - 1 <= next_step))
        ORDER BY ward, submitted_at, application_id`,
      [filter.ward ?? null, filter.status ?? null, filter.category ?? null, filter.reachedSteps ?? null],
      (r) => {
        const applicant = r.applicant as Record<string, string | undefined>;
        return [
          r.application_id, r.programme_id, r.category, r.ward, r.status, r.current_step, applicant.citizenId, applicant.fullName, applicant.dateOfBirth,
          applicant.address, applicant.phone, applicant.bankAccount, (r.claim as { months?: string[] }).months, r.approved_months, r.claimed_amount,
          r.approved_amount, r.paid_amount, r.recovery_ordered_amount, r.recovered_amount, r.submitted_at, r.updated_at,
        ];
      },
    );
  }
}
