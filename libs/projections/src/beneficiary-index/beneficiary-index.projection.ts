import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { applicationChunks, changedRows, eventsByApplication } from '../common/by-application';
import { RowTable, UPSERT_CHUNK_ROWS } from '../common/row-table';
import { BeneficiaryApplicationRow } from './beneficiary-index.entity';
import { BENEFICIARY_INDEX_EVENT_TYPES, evolveBeneficiaryApplication } from './beneficiary-index.evolve';

export const beneficiaryApplicationsTable = new RowTable('beneficiary_applications', BeneficiaryApplicationRow);

/**
 * The beneficiary index, keyed by citizen ID: one row per application of the person, and a
 * summary row per person recomputed from them for every person a batch touches. What the
 * person holds excludes applications rejected or withdrawn.
 */
export class BeneficiaryIndexProjection implements Projection {
  readonly name = 'beneficiary-index';
  readonly version = 2;
  readonly handles = BENEFICIARY_INDEX_EVENT_TYPES;
  readonly tables = ['beneficiary_applications', 'beneficiary_index'];

  /** `chunkRows`: applications read, folded and written at a time (by-application.ts). */
  constructor(private readonly chunkRows = UPSERT_CHUNK_ROWS) {}

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const byApplication = eventsByApplication(events, this.handles);
    const citizens = new Set<string>();
    for (const ids of applicationChunks(byApplication, this.chunkRows)) {
      const records: Record<string, unknown>[] = await manager.query(`SELECT * FROM beneficiary_applications WHERE application_id = ANY($1::uuid[])`, [ids]);
      const before = new Map(records.map((record) => {
        const row = beneficiaryApplicationsTable.fromRecord(record);
        return [row.applicationId, row] as const;
      }));
      const changed = changedRows(ids, byApplication, before, (row, event) => evolveBeneficiaryApplication(row, event) ?? row).map(({ after }) => after!);
      for (const row of changed) citizens.add(row.citizenId);
      await beneficiaryApplicationsTable.upsert(manager, changed, this.chunkRows);
    }
    if (citizens.size === 0) return;
    await manager.query(
      `INSERT INTO beneficiary_index AS b
       SELECT citizen_id,
              (array_agg(full_name ORDER BY submitted_at DESC, application_id))[1],
              (array_agg(date_of_birth ORDER BY submitted_at DESC, application_id))[1],
              array_agg(DISTINCT ward ORDER BY ward), array_agg(DISTINCT category ORDER BY category), array_agg(DISTINCT programme_id ORDER BY programme_id),
              count(*)::int,
              sum(CASE WHEN status IN ('rejected', 'withdrawn') THEN 0 ELSE approved_amount END),
              sum(paid_amount), sum(recovery_ordered_amount), sum(recovered_amount), max(updated_at)
         FROM beneficiary_applications WHERE citizen_id = ANY($1::text[]) GROUP BY citizen_id
       ON CONFLICT (citizen_id) DO UPDATE SET
         full_name = EXCLUDED.full_name, date_of_birth = EXCLUDED.date_of_birth, wards = EXCLUDED.wards, categories = EXCLUDED.categories,
         programmes = EXCLUDED.programmes, applications = EXCLUDED.applications, approved_amount = EXCLUDED.approved_amount,
         paid_amount = EXCLUDED.paid_amount, recovery_ordered_amount = EXCLUDED.recovery_ordered_amount,
         recovered_amount = EXCLUDED.recovered_amount, updated_at = EXCLUDED.updated_at`,
      [[...citizens]],
    );
  }
}
