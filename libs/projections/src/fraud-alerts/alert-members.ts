/**
 * An alert that grows without bound keeps its applications apart from its row: F17 names every
 * application approved while the programme's total stood over its budget (85,624 of them at the
 * end of the demo province). PostgreSQL rewrites an array column whole, so as arrays on the alert
 * every batch that added one application wrote the whole 3.4 MB row again (231 ms a catch-up
 * batch at the end of the log, and the bulk of the live projector's lag under load). F13 on an
 * account, phone or address and F20 grow the same way (one phone or one name given by every
 * applicant of a campaign: 1,228 applications after 20 s of the bench's mix, 7.6 ms an upsert).
 * Kept here, one row per application with the position of the event that put it there, a batch
 * inserts only its own. Readers see one list either way: the row's arrays and these rows.
 */
export interface AlertMember {
  applicationId: string;
  position: number;
}

/** The alert's applications, sorted as the row's arrays are: its own and its members'. */
export const alertApplicationIdsSql = (alert: string): string =>
  `ARRAY(SELECT x FROM (SELECT unnest(${alert}.application_ids) AS x UNION SELECT m.application_id FROM fraud_alert_members m WHERE m.alert_id = ${alert}.id) u ORDER BY x COLLATE "C")`;

/** The alert's evidence positions, ascending: its own and its members'. */
export const alertEvidenceSql = (alert: string): string =>
  `ARRAY(SELECT p FROM (SELECT unnest(${alert}.evidence) AS p UNION SELECT m.position FROM fraud_alert_members m WHERE m.alert_id = ${alert}.id) u ORDER BY p)`;

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** Alert rows as loaded from fraud_alerts, with their members' applications and evidence joined into their lists. */
export const withMembers = async <Row extends { id: string; applicationIds: string[]; evidence: string[] }>(db: Queryable, rows: Row[]): Promise<Row[]> => {
  if (rows.length === 0) return rows;
  const joined: { id: string; application_ids: string[]; evidence: string[] }[] = await db.query(
    `SELECT a.id, ${alertApplicationIdsSql('a')} AS application_ids, ${alertEvidenceSql('a')}::text[] AS evidence
       FROM fraud_alerts a WHERE a.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM fraud_alert_members m WHERE m.alert_id = a.id)`,
    [rows.map((row) => row.id)],
  );
  for (const { id, application_ids, evidence } of joined) {
    const row = rows.find((candidate) => candidate.id === id)!;
    row.applicationIds = application_ids;
    row.evidence = evidence;
  }
  return rows;
};
