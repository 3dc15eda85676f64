import {
  APPLICATION_ID,
  approved,
  awaiting,
  claimFor,
  paid,
  stateAfter,
  submitCommand,
  submitted,
  supportApplicationDecider,
} from '@lib/testing/builders/support-application.builders';
import { shippedCatalog } from '@lib/testing/programmes';
import { beneficiaryCommandsFor } from '../beneficiary/beneficiary-policy';
import { decideMemberGrant, evolveBeneficiary, initialBeneficiary, type BeneficiaryEvent, type GrantSupport } from '../beneficiary/beneficiary';
import { ClaimInvalid, DuplicateSupport } from '../common/domain-error';
import { findCategory } from '../programme/programme-definition';
import { parseClaim, amountFor } from './claim';
import { creditForMember, excludeMember } from './supersession';
import { amountDue, evolve } from './support-application.state';
import type { Claim, HouseholdMember } from './support-application.events';

const catalog = shippedCatalog();
const poorHouseholds = findCategory(catalog('nq42-2020', 1)!, '7')!;

const member = (citizenId: string, relation = 'con'): HouseholdMember => ({ citizenId, fullName: `Lò Văn ${citizenId.slice(-2)}`, dateOfBirth: '2001-01-01', relation });
const MEMBERS = [member('020080000001', 'chủ hộ'), member('020080000002', 'vợ'), member('020080000003')];
const Q2 = ['2020-04', '2020-05', '2020-06'];
const householdClaim = (members: unknown, extra: Record<string, unknown> = {}) => ({ ...claimFor('7', { householdMembers: undefined }), members, ...extra });
const filed = (members: HouseholdMember[]): Claim => parseClaim(poorHouseholds, householdClaim(members));

describe('Household members (category 7 is paid per member; each member is a beneficiary)', () => {
  describe('when a household claim lists its members', () => {
    it('counts the members: rate × months × members', () => expect(amountFor(poorHouseholds, filed(MEMBERS), Q2)).toBe(3 * 750_000));

    it('records the members in the Submitted event, and claims their amount', () =>
      expect(supportApplicationDecider().decide(submitCommand({ category: '7', claim: householdClaim(MEMBERS) }), stateAfter([]))[0].data).toMatchObject({
        claim: { members: MEMBERS },
        claimedAmount: 2_250_000,
      }));

    it.each<[string, unknown, Record<string, unknown>, string]>([
      ['the same person twice', [MEMBERS[0], MEMBERS[0]], {}, 'claim.members'],
      ['a member without a date of birth', [{ ...MEMBERS[0], dateOfBirth: '2001-02-30' }], {}, 'claim.members[0]'],
      ['no members', [], {}, 'claim.members'],
      ['a count that disagrees with the list', MEMBERS, { householdMembers: 9 }, 'claim.householdMembers'],
    ])('refuses %s as ClaimInvalid', (_case, members, extra, field) =>
      expect(() => parseClaim(poorHouseholds, householdClaim(members, extra))).toThrow(expect.objectContaining({ errors: expect.arrayContaining([expect.objectContaining({ field })]) })));

    it('refuses members on a category that pays a person', () =>
      expect(() => parseClaim(findCategory(catalog('nq42-2020', 1)!, '4')!, { ...claimFor('4'), members: MEMBERS })).toThrow(ClaimInvalid));

    it('still accepts a count without a list (lists imported before members were named)', () =>
      expect(amountFor(poorHouseholds, parseClaim(poorHouseholds, claimFor('7')), Q2)).toBe(9 * 750_000));
  });

  describe('when the ward approves a household of three listed members', () => {
    const history = [submitted('7', { claim: filed(MEMBERS), claimedAmount: 2_250_000 })];
    const approval = approved('ward-approval', { months: Q2, amount: 2_250_000 });
    const keyOf = (citizenId: string) => `key-${citizenId}`;

    it('asks each member\'s stream to grant an equal share', () =>
      expect(beneficiaryCommandsFor(stateAfter(history), [approval], 'key-head', keyOf).map((command) => [command.data.beneficiaryKey, command.type === 'GrantSupport' && command.data.amount])).toEqual(
        MEMBERS.map((m) => [`key-${m.citizenId}`, 750_000]),
      ));

    const grant = (beneficiaryKey: string): GrantSupport => ({
      type: 'GrantSupport',
      data: { beneficiaryKey, applicationId: APPLICATION_ID, programmeId: 'nq42-2020', programmeVersion: 1, category: '7', months: Q2, amount: 750_000, ward: 'W01' },
      metadata: { actorId: 'approver-minh', now: '2020-05-22T02:00:00.000Z' },
    });
    const holding = (applicationId: string, category: string, amount: number) =>
      [{ type: 'BeneficiarySupportGranted', data: { beneficiaryKey: 'k', applicationId, programmeId: 'nq42-2020', programmeVersion: 1, category, months: Q2.slice(0, 2), amount, ward: 'W02', grantedBy: 'x', grantedAt: 'y' } } as BeneficiaryEvent].reduce(evolveBeneficiary, initialBeneficiary());

    it('leaves out a member who holds a higher support of their own (category 3, 2,000,000): the others keep their share', () =>
      expect(decideMemberGrant(grant('key-2'), holding('app-3', '3', 2_000_000), catalog)).toEqual({ events: [], excluded: true }));

    it('refuses a member listed in another household\'s claim as DuplicateSupport', () =>
      expect(() => decideMemberGrant(grant('key-2'), holding('other-household', '7', 500_000), catalog)).toThrow(DuplicateSupport));

    it('grants a member who holds nothing', () =>
      expect(decideMemberGrant(grant('key-3'), initialBeneficiary(), catalog).events.map((event) => event.type)).toEqual(['BeneficiarySupportGranted']));
  });

  describe('when one member\'s share leaves the household support', () => {
    const approvedHousehold = [submitted('7', { claim: filed(MEMBERS), claimedAmount: 2_250_000 }), ...awaiting('7', 'ward-approval').slice(1), approved('ward-approval', { months: Q2, amount: 2_250_000 })];

    it('before payment, cancels that share: the household is due the other members\' 1,500,000', () => {
      const excluded = excludeMember(stateAfter(approvedHousehold), '020080000002', '2020-05-22T02:00:00.000Z');
      expect(excluded.data).toMatchObject({ reason: 'holds-higher-support', share: 750_000, keptAmount: 0, cancelledAmount: 750_000 });
      const state = evolve(stateAfter([...approvedHousehold, { type: 'SupportApplicationDecided', data: { applicationId: APPLICATION_ID, step: 'provincial-decision', kind: 'decision', decisionNo: '1', decidedBy: 'c', decidedAt: 'd' } }]), excluded);
      expect(state).toMatchObject({ approvedAmount: 1_500_000, excludedMembers: ['020080000002'] });
      expect(amountDue(state)).toBe(1_500_000);
    });

    it('after payment, when the member\'s later higher support supersedes the share, keeps it and credits the higher support with it', () => {
      const paidHousehold = stateAfter([...approvedHousehold, paid(2_250_000)]);
      const excluded = excludeMember(paidHousehold, '020080000003', '2020-06-10T02:00:00.000Z', 'higher-app');
      expect(excluded.data).toMatchObject({ reason: 'superseded', supersededBy: 'higher-app', keptAmount: 750_000, cancelledAmount: 0 });
      expect(creditForMember(excluded).data).toMatchObject({ applicationId: 'higher-app', creditedAmount: 750_000 });
      expect(evolve(paidHousehold, excluded)).toMatchObject({ status: 'paid', approvedAmount: 2_250_000 });
    });

    it('refuses to exclude someone who is not a member', () => expect(() => excludeMember(stateAfter(approvedHousehold), '999', 'now')).toThrow());
  });
});
