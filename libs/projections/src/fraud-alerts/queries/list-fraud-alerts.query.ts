import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { AlertReason } from '../detectors/alert-reason';
import type { FraudAlertResolutionRow, FraudAlertRow } from '../fraud-alerts.entity';

export interface FraudAlertFilter {
  ward?: string;
  rule?: string;
  status?: string;
  severity?: string;
}

export interface FraudAlertPage {
  items: FraudAlertRow[];
  nextCursor: string | null;
}

/** A page of alerts, newest raised first. */
export class ListFraudAlertsQuery extends Query<FraudAlertPage> {
  constructor(readonly filter: FraudAlertFilter, readonly limit: number, readonly cursor?: string) {
    super();
  }
}

export interface FraudAlertDetail {
  alert: FraudAlertRow;
  resolution: FraudAlertResolutionRow | null;
}

export class GetFraudAlertQuery extends Query<FraudAlertDetail | null> {
  constructor(readonly alertId: string) {
    super();
  }
}

/** How the reader's words are put in the CSV: a rule's title and legal basis, the reasons from their keys. */
export interface AlertCsvWords {
  title(alert: { programmeId: string; rule: string; title: string }): string;
  legalBasis(alert: { programmeId: string; rule: string; legalBasis: string }): string;
  reasons(reasons: readonly AlertReason[]): string[];
}

/** Every alert matching the filter as CSV, read through a database cursor. */
export class ExportFraudAlertsCsvQuery extends Query<Readable> {
  constructor(readonly filter: FraudAlertFilter, readonly words?: AlertCsvWords) {
    super();
  }
}
