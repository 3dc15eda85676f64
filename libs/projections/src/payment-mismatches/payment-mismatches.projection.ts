import type { EntityManager } from 'typeorm';
import type { PaymentReturnRecorded } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';

/**
 * The mismatches of every returned payment list, one row each, so reconciliation reads a
 * ward's from an index instead of scanning the log for the lists' events.
 */
export class PaymentMismatchesProjection implements Projection {
  readonly name = 'payment-mismatches';
  readonly version = 1;
  readonly handles: ReadonlySet<string> = new Set(['PaymentReturnRecorded']);
  readonly tables = ['payment_mismatches'];

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const rows = events
      .filter((event) => event.type === 'PaymentReturnRecorded')
      .flatMap((event) => {
        const data = event.data as PaymentReturnRecorded['data'];
        return (data.mismatches ?? []).map((mismatch) => ({ applicationId: mismatch.applicationId, returnId: data.importId, ward: data.ward, row: mismatch.row, expected: mismatch.expected, given: mismatch.given }));
      });
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO payment_mismatches (application_id, return_id, ward, row, expected, given)
       SELECT "applicationId", "returnId", ward, row, expected, given
         FROM jsonb_to_recordset($1::jsonb) AS r("applicationId" uuid, "returnId" uuid, ward text, row int, expected bigint, given bigint)
       ON CONFLICT (application_id, return_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
