import { deciderSpec } from '@lib/testing/decider-spec';
import { inspector, auditor } from '@lib/testing/builders/support-application.builders';
import { ClaimInvalid, InvalidTransition, NotPermitted } from '../common/domain-error';
import type { Actor } from '../common/domain-event';
import { evolveFraudAlert, initialFraudAlert, resolveFraudAlert, type FraudAlertEvent, type ResolveFraudAlert } from './fraud-alert';

const ALERT = '6c1f0000-0000-5000-8000-00000000f013';
const AT = '2020-08-10T02:00:00.000Z';
const APPS = ['a-2', 'a-1'];

const given = deciderSpec({
  decide: (command: ResolveFraudAlert, state: ReturnType<typeof initialFraudAlert>) => [resolveFraudAlert(command, state)],
  evolve: evolveFraudAlert,
  initialState: initialFraudAlert,
});

const resolve = (outcome: 'confirmed' | 'dismissed', { by = inspector, applicationIds = APPS, note = 'boarding-house owner listed tenants', recovery = [] as { applicationId: string; amount: number }[] }: { by?: Actor; applicationIds?: string[]; note?: string; recovery?: { applicationId: string; amount: number }[] } = {}): ResolveFraudAlert => ({
  type: 'ResolveFraudAlert',
  data: { alertId: ALERT, rule: 'F13', applicationIds, outcome, note, recoveryOrdered: recovery },
  metadata: { actor: by, now: AT },
});

const confirmed = (applicationIds = ['a-1', 'a-2'], recoveryOrdered: { applicationId: string; amount: number }[] = []): FraudAlertEvent => ({
  type: 'FraudAlertConfirmed',
  data: { alertId: ALERT, rule: 'F13', applicationIds, note: 'boarding-house owner listed tenants', recoveryOrdered, confirmedBy: inspector.id, confirmedAt: AT },
});

const dismissed = (applicationIds = ['a-1', 'a-2']): FraudAlertEvent => ({
  type: 'FraudAlertDismissed',
  data: { alertId: ALERT, rule: 'F13', applicationIds, note: 'a family of four', dismissedBy: inspector.id, dismissedAt: AT },
});

describe('FraudAlert', () => {
  describe('when not yet resolved', () => {
    it('is confirmed by an inspector, with the applications sorted and the recovery it orders', () =>
      given([]).when(resolve('confirmed', { recovery: [{ applicationId: 'a-1', amount: 3_000_000 }] })).then([confirmed(['a-1', 'a-2'], [{ applicationId: 'a-1', amount: 3_000_000 }])]));

    it('is dismissed by an inspector', () => given([]).when(resolve('dismissed', { note: 'a family of four' })).then([dismissed()]));

    it('refuses an auditor as NotPermitted', () => given([]).when(resolve('confirmed', { by: auditor })).thenThrows(NotPermitted));

    it('refuses a blank note as ClaimInvalid', () => given([]).when(resolve('confirmed', { note: '  ' })).thenThrows(ClaimInvalid));

    it('refuses recovery with a dismissal as InvalidTransition', () =>
      given([]).when(resolve('dismissed', { recovery: [{ applicationId: 'a-1', amount: 1 }] })).thenThrows(InvalidTransition));
  });

  describe('when dismissed over the same applications', () => {
    it('refuses another resolution as InvalidTransition', () => given([dismissed()]).when(resolve('confirmed')).thenThrows(InvalidTransition));
  });

  describe('when dismissed and a third application joined since', () => {
    it('is confirmed over the three', () =>
      given([dismissed()]).when(resolve('confirmed', { applicationIds: ['a-3', 'a-1', 'a-2'] })).then([confirmed(['a-1', 'a-2', 'a-3'])]));
  });
});
