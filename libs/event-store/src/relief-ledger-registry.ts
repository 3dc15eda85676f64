import {
  BENEFICIARY_SCHEMA_VERSIONS,
  FRAUD_ALERT_SCHEMA_VERSIONS,
  SUPPORT_APPLICATION_SCHEMA_VERSIONS,
  supportApplicationUpcasters,
} from '@lib/domain';
import { EventTypeRegistry } from './event-type-registry';

/** Every event type relief-ledger stores, at its current schema version. */
export const createEventTypeRegistry = (): EventTypeRegistry =>
  new EventTypeRegistry()
    .register(SUPPORT_APPLICATION_SCHEMA_VERSIONS, supportApplicationUpcasters)
    .register(BENEFICIARY_SCHEMA_VERSIONS)
    .register(FRAUD_ALERT_SCHEMA_VERSIONS);
