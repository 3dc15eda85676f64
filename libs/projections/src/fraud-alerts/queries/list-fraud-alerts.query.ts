import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
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

/** Every alert matching the filter as CSV, read through a database cursor. */
export class ExportFraudAlertsCsvQuery extends Query<Readable> {
  constructor(readonly filter: FraudAlertFilter) {
    super();
  }
}
