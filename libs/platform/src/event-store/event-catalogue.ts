import {
  BENEFICIARY_SCHEMA_VERSIONS,
  FRAUD_ALERT_SCHEMA_VERSIONS,
  SUPPORT_APPLICATION_SCHEMA_VERSIONS,
  SUPPORT_LIST_SCHEMA_VERSIONS,
  SUPPORT_IMPORT_SCHEMA_VERSIONS,
  PAYMENT_RETURN_SCHEMA_VERSIONS,
  supportApplicationUpcasters,
} from '@lib/domain';
import { EventTypeRegistry } from '@lib/event-store';

/**
 * Every event type relief-ledger stores, at its current schema version, with the domain's
 * upcasters. The store knows no application: this composition root tells it the catalogue.
 */
export const createEventTypeRegistry = (): EventTypeRegistry =>
  new EventTypeRegistry()
    .register(SUPPORT_APPLICATION_SCHEMA_VERSIONS, supportApplicationUpcasters)
    .register(BENEFICIARY_SCHEMA_VERSIONS)
    .register(FRAUD_ALERT_SCHEMA_VERSIONS)
    .register(SUPPORT_LIST_SCHEMA_VERSIONS)
    .register(SUPPORT_IMPORT_SCHEMA_VERSIONS)
    .register(PAYMENT_RETURN_SCHEMA_VERSIONS);
