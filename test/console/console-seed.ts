import { randomUUID } from 'node:crypto';
import type { Applicant, SupportApplicationEvent } from '@lib/domain';
import { importLegacyEvents } from '@lib/seeding';
import { EventStore } from '@lib/event-store';
import { anApplicant, approved, paidInFull, reviewed, submitted } from '@lib/testing';
import type { ApiTestApp } from '../support/api-test-app';

/** Histories as an older system recorded them (bypassing decide), so the detectors have something to find. */
export const importHistories = async (api: ApiTestApp, histories: { applicant: Applicant; events: SupportApplicationEvent[] }[], recordedAt: string): Promise<string[]> => {
  const ids = histories.map(() => randomUUID());
  await importLegacyEvents(api.app.get(EventStore), histories.map(({ applicant, events }, index) => ({
    streamId: `support-application-${ids[index]}`,
    events: events.map((event) => ({ type: event.type, data: { ...event.data, applicationId: ids[index], ...('applicant' in event.data ? { applicant } : {}) } })),
  })), { recordedAt });
  return ids;
};

let serial = 0;
export const person = (overrides: Partial<Applicant> = {}): Applicant => {
  serial += 1;
  const n = String(serial).padStart(6, '0');
  return anApplicant({ citizenId: `020300${n}`, phone: `0982${n}`, address: `Số ${serial} Trần Phú`, ...overrides });
};

export interface AlertScenario {
  /** F1: one person paid in categories 7 and 4 (6,750,000 + 2,000,000 VND). */
  paidTwice: string[];
  paidTwiceName: string;
  paidTwiceCitizenId: string;
  /** F5: approved without public posting, nothing paid. */
  unposted: string;
  /** F16: village review done after its legal limit; a compliance flag, not about money. */
  late: string[];
}

/**
 * Alerts of three kinds: money paid (F1), a rule about money with nothing paid (F5), and a rule
 * not about money (F16, `lateCount` of them, imported first so the F1 alert is the newest).
 */
export const seedAlerts = async (api: ApiTestApp, lateCount = 1): Promise<AlertScenario> => {
  const late = await importHistories(api, Array.from({ length: lateCount }, () => ({
    applicant: person({ ward: 'W03' }),
    events: [submitted('4'), reviewed('village-review', { at: '2020-05-27T02:00:00.000Z' })],
  })), '2020-06-01T02:00:00.000Z');
  const [unposted] = await importHistories(api, [{
    applicant: person({ ward: 'W03' }),
    events: [submitted('4'), reviewed('village-review'), approved('ward-approval', { months: ['2020-04', '2020-05'], amount: 2_000_000 })],
  }], '2020-06-02T02:00:00.000Z');
  const twice = person({ fullName: 'Trịnh Văn Hai', ward: 'W03' });
  const paidTwice = await importHistories(api, [{ applicant: twice, events: paidInFull('7') }, { applicant: twice, events: paidInFull('4') }], '2020-06-03T02:00:00.000Z');
  return { paidTwice, paidTwiceName: twice.fullName, paidTwiceCitizenId: twice.citizenId, unposted, late };
};
