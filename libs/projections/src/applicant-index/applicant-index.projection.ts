import type { EntityManager } from 'typeorm';
import { citizenIdKey, digitsKey, identityKeyOf, nameKey } from '@lib/domain';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';

/** One row per application, written at submission: the applicant never changes afterwards. */
export class ApplicantIndexProjection implements Projection {
  readonly name = 'applicant-index';
  readonly version = 1;
  readonly handles: ReadonlySet<string> = new Set(['SupportApplicationSubmitted']);
  readonly tables = ['applicant_index'];

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const rows = events.filter((event) => event.type === 'SupportApplicationSubmitted').map((event) => {
      const data = event.data as { applicationId: string; programmeId: string; submittedAt: string; applicant: Record<string, unknown> };
      const applicant = data.applicant ?? {};
      return {
        applicationId: data.applicationId,
        programmeId: data.programmeId,
        ward: String(applicant.ward ?? ''),
        citizenId: citizenIdKey(applicant.citizenId) ?? '',
        nameKey: nameKey(applicant.fullName) ?? '',
        identityKey: identityKeyOf({ fullName: String(applicant.fullName ?? ''), dateOfBirth: String(applicant.dateOfBirth ?? '') }),
        phone: digitsKey(applicant.phone),
        bankAccount: digitsKey(applicant.bankAccount),
        submittedAt: data.submittedAt,
      };
    });
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO applicant_index (application_id, programme_id, ward, citizen_id, name_key, identity_key, phone, bank_account, submitted_at)
       SELECT "applicationId", "programmeId", ward, "citizenId", "nameKey", "identityKey", phone, "bankAccount", "submittedAt"
         FROM jsonb_to_recordset($1::jsonb) AS r("applicationId" uuid, "programmeId" text, ward text, "citizenId" text, "nameKey" text, "identityKey" text,
              phone text, "bankAccount" text, "submittedAt" timestamptz)
       ON CONFLICT (application_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
