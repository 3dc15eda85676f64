import type { FraudAlertResolutionRow, FraudAlertRow } from '@lib/projections';
import type { Lang } from '../problem/messages/language';
import type { AlertWording } from './alert-wording';

/**
 * GET /alerts items (API.md): id, rule, legalBasis, severity, ward, applicationIds, evidence,
 * status, raisedAt; title, legal basis and reasons in the request's language, the reasons' keys
 * and params alongside for a client that words them itself.
 */
export const alertView = (row: FraudAlertRow, words: { wording: AlertWording; lang: Lang }, resolution?: FraudAlertResolutionRow | null) => ({
  id: row.id,
  rule: row.rule,
  title: words.wording.title(row, words.lang),
  legalBasis: words.wording.legalBasis(row, words.lang),
  severity: row.severity,
  programme: row.programmeId,
  ward: row.ward,
  wards: row.wards,
  applicationIds: row.applicationIds,
  evidence: row.evidence.map(Number),
  reasons: words.wording.reasons(row.reasons, words.lang),
  reasonKeys: row.reasons,
  details: row.details ?? null,
  status: row.status,
  raisedAt: new Date(row.raisedAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
  ...(resolution === undefined
    ? {}
    : {
        resolution: resolution && {
          outcome: resolution.outcome,
          note: resolution.note,
          resolvedBy: resolution.resolvedBy,
          resolvedAt: new Date(resolution.resolvedAt).toISOString(),
          applicationIds: resolution.applicationIds,
          recoveryOrdered: resolution.recovery,
        },
      }),
});
