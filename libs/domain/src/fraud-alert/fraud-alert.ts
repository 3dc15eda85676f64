import { ClaimInvalid, InvalidTransition } from '../common/domain-error';
import type { CommandMetadata, DomainEvent } from '../common/domain-event';
import { requireRole } from '../support-application/permissions';

/**
 * An inspector's finding on a fraud alert, one stream per alert (`fraud-alert-<id>`). The alert
 * itself is raised by detectors over the log (a read model); the resolution is a fact of its own,
 * recording the applications it covered, so new evidence after it reopens the alert.
 */
export interface RecoveryOrderedByAlert {
  applicationId: string;
  amount: number;
}

export type FraudAlertConfirmed = DomainEvent<'FraudAlertConfirmed', {
  alertId: string;
  rule: string;
  applicationIds: string[];
  note: string;
  /** Thu hồi ordered in the same append, per paid application. */
  recoveryOrdered: RecoveryOrderedByAlert[];
  confirmedBy: string;
  confirmedAt: string;
}>;

export type FraudAlertDismissed = DomainEvent<'FraudAlertDismissed', {
  alertId: string;
  rule: string;
  applicationIds: string[];
  note: string;
  dismissedBy: string;
  dismissedAt: string;
}>;

export type FraudAlertEvent = FraudAlertConfirmed | FraudAlertDismissed;

export const FRAUD_ALERT_SCHEMA_VERSIONS: Record<FraudAlertEvent['type'], number> = {
  FraudAlertConfirmed: 1,
  FraudAlertDismissed: 1,
};

export interface ResolveFraudAlert {
  type: 'ResolveFraudAlert';
  data: {
    alertId: string;
    rule: string;
    /** The applications the alert names now, as the inspector saw them. */
    applicationIds: string[];
    outcome: 'confirmed' | 'dismissed';
    note: string;
    recoveryOrdered: RecoveryOrderedByAlert[];
  };
  metadata: CommandMetadata;
}

export interface FraudAlertResolutions {
  /** The application set the latest resolution covered; null before any. */
  resolvedApplicationIds: string[] | null;
  outcome: 'confirmed' | 'dismissed' | null;
}

export const initialFraudAlert = (): FraudAlertResolutions => ({ resolvedApplicationIds: null, outcome: null });

export const evolveFraudAlert = (state: FraudAlertResolutions, event: FraudAlertEvent): FraudAlertResolutions => {
  switch (event.type) {
    case 'FraudAlertConfirmed':
      return { resolvedApplicationIds: event.data.applicationIds, outcome: 'confirmed' };
    case 'FraudAlertDismissed':
      return { resolvedApplicationIds: event.data.applicationIds, outcome: 'dismissed' };
    default:
      return state;
  }
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Inspectors resolve; a resolution needs a note, and an alert already resolved over the same
 * applications is not resolved again (it reopens only when detectors add applications).
 */
export const resolveFraudAlert = (command: ResolveFraudAlert, state: FraudAlertResolutions): FraudAlertEvent => {
  const { data, metadata } = command;
  requireRole(metadata.actor, 'inspector', 'alert-resolution');
  if (!data.note.trim()) throw new ClaimInvalid([{ field: 'note', message: 'alert.note-required' }]);
  if (state.resolvedApplicationIds && sameSet(state.resolvedApplicationIds, data.applicationIds)) {
    throw new InvalidTransition('alert.already-resolved', { outcome: state.outcome ?? '' });
  }
  if (data.outcome === 'dismissed' && data.recoveryOrdered.length > 0) {
    throw new InvalidTransition('alert.dismissal-orders-no-recovery');
  }
  const base = { alertId: data.alertId, rule: data.rule, applicationIds: [...data.applicationIds].sort(), note: data.note };
  return data.outcome === 'confirmed'
    ? { type: 'FraudAlertConfirmed', data: { ...base, recoveryOrdered: data.recoveryOrdered, confirmedBy: metadata.actor.id, confirmedAt: metadata.now } }
    : { type: 'FraudAlertDismissed', data: { ...base, dismissedBy: metadata.actor.id, dismissedAt: metadata.now } };
};
