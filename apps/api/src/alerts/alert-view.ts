import type { FraudAlertResolutionRow, FraudAlertRow } from '@lib/projections';

/** GET /alerts items (API.md): id, rule, legalBasis, severity, ward, applicationIds, evidence, status, raisedAt. */
export const alertView = (row: FraudAlertRow, resolution?: FraudAlertResolutionRow | null) => ({
  id: row.id,
  rule: row.rule,
  title: row.title,
  legalBasis: row.legalBasis,
  severity: row.severity,
  programme: row.programmeId,
  ward: row.ward,
  wards: row.wards,
  applicationIds: row.applicationIds,
  evidence: row.evidence.map(Number),
  reasons: row.reasons,
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
