import { claimFor, submitCommand, supportApplicationSpec } from '@lib/testing/builders/support-application.builders';
import { shippedProgrammes } from '@lib/testing/programmes';
import { ClaimInvalid, NotEligible } from '../common/domain-error';
import { catalogOf, type ProgrammeDefinition } from '../programme/programme-definition';

const v1 = (): ProgrammeDefinition => shippedProgrammes().find((p) => p.id === 'nq42-2020' && p.version === 1)!;
/** A province that refuses category 4 requests received on or before the 15th of a claimed month (QĐ 15). */
const filedAfterThe15th = (): ProgrammeDefinition => ({
  ...v1(),
  categories: v1().categories.map((c) => (c.code === '4' ? { ...c, conditions: [...c.conditions, { field: 'receivedOn', op: 'filed-after-day' as const, value: 15, message: 'the request for each month is filed after the 15th of that month' }] } : c)),
});
const given = supportApplicationSpec(catalogOf([filedAfterThe15th()]));
const onDay = (receivedOn: string, months = ['2020-05']) => ({ ...submitCommand({ category: '4', claim: claimFor('4', { months, jobLostOn: '2020-05-02' }), at: '2020-06-20T02:00:00.000Z' }), data: { ...submitCommand({ category: '4', claim: claimFor('4', { months, jobLostOn: '2020-05-02' }) }).data, receivedOn } });

describe('receivedOn at intake', () => {
  it('refuses a category 4 request received on the 15th of the month claimed, where the programme says so', () =>
    given([]).when(onDay('2020-05-15')).thenThrows(NotEligible, (error) => expect(error.reasons).toEqual([expect.objectContaining({ field: 'receivedOn' })])));

  it('accepts it received on the 16th', () => expect(() => given([]).when(onDay('2020-05-16')).then([expect.anything() as never])).not.toThrow());

  it('refuses a request for May and June received on 20/5: June\'s 15th is still to come', () =>
    given([]).when(onDay('2020-05-20', ['2020-05', '2020-06'])).thenThrows(NotEligible));

  it('refuses a receivedOn after today as ClaimInvalid, code received-in-future, in both languages', () =>
    given([]).when(onDay('2020-06-21')).thenThrows(ClaimInvalid, (error) =>
      expect(error.errors).toEqual([{ field: 'receivedOn', message: 'refusal.received-in-future' }])));

  it('refuses a job loss after the day the dossier was received (the shipped definition)', () =>
    supportApplicationSpec()([]).when({ ...onDay('2020-05-20'), data: { ...onDay('2020-05-20').data, claim: claimFor('4', { months: ['2020-05'], jobLostOn: '2020-05-25' }) } }).thenThrows(NotEligible, (error) =>
      expect(error.reasons.map((reason) => reason.field)).toContain('claim.jobLostOn')));
});
