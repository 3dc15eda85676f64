import { submitCommand, supportApplicationDecider, supportApplicationSpec } from '@lib/testing/builders/support-application.builders';
import { shippedProgrammes } from '@lib/testing/programmes';
import { NotEligible } from '../common/domain-error';
import { catalogOf, type ProgrammeDefinition } from './programme-definition';
import { versionFor } from '../support-application/support-application.decide';

const v1 = (): ProgrammeDefinition => ({ ...shippedProgrammes().find((p) => p.id === 'nq42-2020' && p.version === 1)!, filingPeriod: { from: '2020-04-09' } });
/** QĐ 32 and NQ 154 (19/10/2020) as a version of its own, from its effective date, with a cut-off. */
const v2 = (): ProgrammeDefinition => ({ ...v1(), version: 2, filingPeriod: { from: '2020-10-19', to: '2021-01-31' } });
const catalog = catalogOf([v1(), v2()]);
const given = supportApplicationSpec(catalog);
const at = (day: string) => `${day}T02:00:00.000Z`;

describe('Amending acts as programme versions with an effective date', () => {
  it.each([
    ['2020-05-18', 1],
    ['2020-10-18', 1],
    ['2020-10-19', 2],
    ['2021-01-31', 2],
  ])('decides a dossier received on %s under version %i', (receivedOn, version) => expect(versionFor(catalog, 'nq42-2020', receivedOn)?.version).toBe(version));

  it('records the version the dossier was decided under, by the day it was received, not the day it was entered', () => {
    const [event] = supportApplicationDecider(catalog).decide(submitCommand({ category: '3', at: at('2020-11-02') }), { status: 'none' }) as unknown as [{ data: { programmeVersion: number; receivedOn: string } }];
    expect(event.data).toMatchObject({ programmeVersion: 2, receivedOn: '2020-11-02' });
    const [earlier] = supportApplicationDecider(catalog).decide({ ...submitCommand({ category: '3', at: at('2020-11-02') }), data: { ...submitCommand({ category: '3' }).data, receivedOn: '2020-10-01' } }, { status: 'none' }) as unknown as [{ data: { programmeVersion: number } }];
    expect(earlier.data.programmeVersion).toBe(1);
  });

  it('refuses a dossier received before the first version\'s period as NotEligible (outside-filing-period)', () =>
    given([]).when({ ...submitCommand({ category: '3' }), data: { ...submitCommand({ category: '3' }).data, receivedOn: '2020-04-01' } }).thenThrows(NotEligible, (error) =>
      expect(error.reasons[0]).toMatchObject({ field: 'receivedOn', message: 'refusal.outside-filing-period' })));

  it('refuses, under the newest version, a dossier received after its cut-off when no version takes it', () => {
    const closed = catalogOf([{ ...v1(), filingPeriod: { from: '2020-04-09', to: '2020-10-18' } }, v2()]);
    expect(() => supportApplicationDecider(closed).decide({ ...submitCommand({ category: '3', at: at('2021-03-01') }) }, { status: 'none' })).toThrow(NotEligible);
  });
});
