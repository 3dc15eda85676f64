import { anApplicant, approved, asStored, awaiting, filedClaim, paidInFull, rejected, shippedCatalog, submitted, withdrawn, type CategoryCode } from '@lib/testing';
import type { Applicant, SupportApplicationEvent } from '@lib/domain';
import { evolveCaseFacts, type CaseFacts } from '../case-facts';
import { detectCluster, detectHousehold, detectOverBudget, detectPerson, detectRefusalBurst } from './group-detectors';
import { STORED_IDENTITY_PAIRS, detectIdentity, growIdentity, type IdentityPair } from './identity-detector';

const catalog = shippedCatalog();
const programme = catalog('nq42-2020', 1)!;
let serial = 0;

/** One application's facts; each gets its own id, and its own person unless told. */
const app = (events: SupportApplicationEvent[], applicant: Partial<Applicant> = {}): CaseFacts => {
  serial += 1;
  const applicationId = `8d000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  const person = anApplicant({ citizenId: `0200800${String(serial).padStart(5, '0')}`, phone: `09000${String(serial).padStart(5, '0')}`, address: `Số ${serial} Lê Lợi`, ...applicant });
  const renamed = events.map((event) => ({ ...event, data: { ...event.data, applicationId, ...('applicant' in event.data ? { applicant: person } : {}) } }));
  return asStored(renamed).reduce<CaseFacts | null>((facts, event) => evolveCaseFacts(facts, event, catalog), null)!;
};
const paidApp = (category: CategoryCode, applicant: Partial<Applicant> = {}) => app(paidInFull(category), applicant);
const approvedFor = (category: CategoryCode, months: string[], amount: number) => {
  const step = category === '1' ? 'district-appraisal' : 'ward-approval';
  return [...awaiting(category, step), approved(step, { months, amount })];
};
const rules = (findings: { rule: string }[]) => findings.map((finding) => finding.rule);

describe('Fraud detectors: groups', () => {
  describe('one person', () => {
    const citizenId = '020080077777';

    it('F1: approved in categories 4 and 7 at once', () => {
      const apps = [paidApp('7', { citizenId }), paidApp('4', { citizenId })];
      const [finding] = detectPerson(citizenId, apps, programme);
      expect(finding).toMatchObject({ rule: 'F1', subject: `person:${citizenId}:nq42-2020`, applicationIds: apps.map((a) => a.applicationId).sort() });
    });

    it('nothing for the meritorious-service supplement with poor-household support (categories 5 and 7)', () =>
      expect(detectPerson(citizenId, [paidApp('5', { citizenId }), paidApp('7', { citizenId })], programme)).toEqual([]));

    it('nothing when the first support was refused before the second was approved', () => {
      const refused = app([...approvedFor('4', ['2020-04'], 1_000_000), rejected('district-appraisal', 'not eligible')], { citizenId });
      expect(detectPerson(citizenId, [refused, paidApp('7', { citizenId })], programme)).toEqual([]);
    });

    it('F3: category 4 held twice for April', () =>
      expect(rules(detectPerson(citizenId, [app(approvedFor('4', ['2020-04'], 1_000_000), { citizenId }), app(approvedFor('4', ['2020-04', '2020-05'], 2_000_000), { citizenId })], programme))).toEqual(['F3']));

    it('nothing for category 4 claimed month by month (April, then May)', () =>
      expect(detectPerson(citizenId, [app(approvedFor('4', ['2020-04'], 1_000_000), { citizenId }), app(approvedFor('4', ['2020-05'], 1_000_000), { citizenId })], programme)).toEqual([]));

    it('F11 and F1: furloughed (category 1) and an informal worker (category 4) for May', () =>
      expect(rules(detectPerson(citizenId, [app(approvedFor('1', ['2020-05'], 1_800_000), { citizenId }), app(approvedFor('4', ['2020-05'], 1_000_000), { citizenId })], programme)).sort()).toEqual(['F1', 'F11']));

    describe('when a higher support superseded a lower one (NQ 42 applied as supersession)', () => {
      const closedBy = (lower: CaseFacts, higher: CaseFacts): CaseFacts => {
        const [supersession] = asStored([{ type: 'SupportApplicationSuperseded', data: { applicationId: lower.applicationId, supersededBy: higher.applicationId, keptAmount: 0, cancelledAmount: 0, supersededAt: '2020-06-02T02:00:00.000Z' } }]);
        // Closed in the same append as the higher approval, just after it in the log.
        return evolveCaseFacts({ ...lower, heldFrom: 1 }, { ...supersession, streamVersion: lower.version + 1, position: higher.heldFrom! + 1 }, catalog)!;
      };

      it('F1: nothing for a paid category 7 share superseded by category 1', () => {
        const higher = app(approvedFor('1', ['2020-04', '2020-05', '2020-06'], 5_400_000), { citizenId });
        const lower = closedBy(paidApp('7', { citizenId }), higher);
        expect(lower).toMatchObject({ supersededBy: higher.applicationId, heldUntil: higher.heldFrom! + 1 });
        expect(detectPerson(citizenId, [lower, higher], programme)).toEqual([]);
      });

      it('F11: nothing for a category 4 month superseded by the furlough', () => {
        const higher = app(approvedFor('1', ['2020-05'], 1_800_000), { citizenId });
        const lower = closedBy(app(approvedFor('4', ['2020-05'], 1_000_000), { citizenId }), higher);
        expect(detectPerson(citizenId, [lower, higher], programme)).toEqual([]);
      });

      it('F1 still for a support closed by some other application than the one starting', () => {
        const higher = app(approvedFor('1', ['2020-05'], 1_800_000), { citizenId });
        const lower = { ...closedBy(app(approvedFor('4', ['2020-05'], 1_000_000), { citizenId }), higher), supersededBy: 'another-application' };
        expect(rules(detectPerson(citizenId, [lower, higher], programme)).sort()).toEqual(['F1', 'F11']);
      });
    });

    it('F2: category 4 paid in two wards', () => {
      const first = app(paidInFull('4').map((e) => e), { citizenId, ward: 'W01' });
      const second = app([submitted('4', { claim: filedClaim('4', { months: ['2020-06'] }) }), ...paidInFull('4').slice(1)], { citizenId, ward: 'W02' });
      expect(rules(detectPerson(citizenId, [first, second], programme))).toContain('F2');
    });
  });

  describe('F13 clusters', () => {
    it('raises when the third person shares one bank account, at that person', () => {
      const apps = [1, 2, 3].map(() => app([submitted('4')], { bankAccount: '1234-5678-90' }));
      expect(detectCluster('bankAccount', '1234567890', apps.slice(0, 2), programme)).toEqual([]);
      expect(detectCluster('bankAccount', '1234567890', apps, programme)).toEqual([expect.objectContaining({ rule: 'F13', subject: 'bankAccount:1234567890', raisedPosition: apps[2].submittedPosition, reasons: [{ key: 'alert.shared-bank-account', params: { people: 3 } }] })]);
    });

    it('counts people, not applications: one person’s three monthly claims share a phone', () => {
      const apps = [1, 2, 3, 4].map(() => app([submitted('4')], { citizenId: '020080012121', phone: '0911111111' }));
      expect(detectCluster('phone', '0911111111', apps, programme)).toEqual([]);
    });

    it('raises for a payee collecting for three people', () => {
      const apps = [1, 2, 3].map(() => {
        const events = paidInFull('4');
        const last = events[events.length - 1];
        return app([...events.slice(0, -1), { ...last, data: { ...last.data, payee: 'Trần Văn Thu' } } as SupportApplicationEvent]);
      });
      expect(rules(detectCluster('payee', 'tran van thu', apps, programme))).toEqual(['F13']);
    });
  });

  it('F3: one household business paid twice for April through two people', () => {
    const apps = [paidApp('2'), paidApp('2')];
    expect(apps[0].householdKey).toBe(apps[1].householdKey);
    expect(rules(detectHousehold(apps[0].householdKey!, apps, programme))).toEqual(['F3']);
  });

  it('F14: ten withdrawals in one ward on one day, not nine', () => {
    const apps = Array.from({ length: 10 }, () => app([submitted('4'), withdrawn('tự nguyện từ chối')]));
    expect(detectRefusalBurst('W01', apps[0].withdrawal!.on, apps.slice(0, 9), programme)).toEqual([]);
    expect(detectRefusalBurst('W01', apps[0].withdrawal!.on, apps, programme)).toEqual([expect.objectContaining({ rule: 'F14', subject: `refusals:W01:${apps[0].withdrawal!.on}`, applicationIds: apps.map((a) => a.applicationId).sort(),
      reasons: [{ key: 'alert.withdrawal-burst', params: { count: apps.length, ward: 'W01', day: apps[0].withdrawal!.on } }] })]);
  });

  it('F17: names the applications approved over the budget', () => {
    const over = { ...paidApp('7'), overBudget: { position: 99, at: '2020-05-22T02:00:00.000Z', total: 200_000_750_000 } };
    expect(detectOverBudget([paidApp('7')], programme)).toEqual([]);
    expect(detectOverBudget([over], programme)).toEqual([expect.objectContaining({ rule: 'F17', applicationIds: [over.applicationId] })]);
  });

  describe('F20: one person under two ID numbers', () => {
    const nam = { fullName: 'Nguyễn Văn Nam', dateOfBirth: '1982-09-12', address: 'Số 7 Trần Phú', phone: '0912000777' };

    it('a CMND and a CCCD with one name, date of birth and address: raised at the second, with the pair and its score', () => {
      const apps = [paidApp('4', { ...nam, citizenId: '082123456' }), app([submitted('7')], { ...nam, fullName: 'NGUYEN VAN  NAM', citizenId: '020082001234', phone: '0988000111' })];
      expect(apps[0].identityKey).toBe(apps[1].identityKey);
      const [finding] = detectIdentity(apps[0].identityKey!, apps, programme);
      expect(finding).toMatchObject({
        rule: 'F20', applicationIds: apps.map((a) => a.applicationId).sort(), raisedPosition: apps[1].submittedPosition,
        details: { kind: 'probable-same-person', minScore: 70, pairs: [{ citizenIds: ['082123456', '020082001234'], documentKinds: ['cmnd', 'cccd'], matched: ['name', 'dateOfBirth', 'address', 'documentKinds'], score: 90 }] },
      });
    });

    it('nothing for namesakes born the same day in different places', () => {
      const apps = [app([submitted('4')], { ...nam, citizenId: '020082001234' }), app([submitted('4')], { ...nam, citizenId: '020082009999', address: 'Thôn 2, xã Mai Pha', phone: '0977000222' })];
      expect(detectIdentity(apps[0].identityKey!, apps, programme)).toEqual([]);
    });

    it('a ring of 120 IDs under one name, birthday and phone: every application and ID named, the first pairs listed and all counted', () => {
      const ring = Array.from({ length: 120 }, (_, n) => app([submitted('4')], { ...nam, citizenId: `0200830${String(n).padStart(5, '0')}`, address: `Số ${n + 1} Lê Lợi` }));
      const [finding] = detectIdentity(ring[0].identityKey!, ring, programme);
      expect(finding.applicationIds).toEqual(ring.map((a) => a.applicationId).sort());
      expect(finding.reasons).toEqual([{ key: 'alert.probable-same-person', params: expect.objectContaining({ count: 120 }) }]);
      expect(finding.details).toMatchObject({ pairsTotal: (120 * 119) / 2 });
      const listed = (finding.details as { pairs: { applicationIds: string[] }[] }).pairs;
      expect(listed).toHaveLength(STORED_IDENTITY_PAIRS);
      // In filing order: the first application against each later one, then the second's.
      expect(listed[0].applicationIds).toEqual([ring[0].applicationId, ring[1].applicationId]);
      expect(listed[STORED_IDENTITY_PAIRS - 1].applicationIds).toEqual([ring[0].applicationId, ring[STORED_IDENTITY_PAIRS].applicationId]);
    });

    it.each([[5, 1], [15, 1], [15, 3], [20, 4]])('grown from its stored alert by new filings (%i, then %i more): what the detector says over the whole group', (before, added) => {
      const ring = Array.from({ length: before + added }, (_, n) => app([submitted('4')], { ...nam, citizenId: `0200840${String(n).padStart(5, '0')}`, address: `Số ${n + 1} Lê Lợi` }));
      const [stored] = detectIdentity(ring[0].identityKey!, ring.slice(0, before), programme);
      const details = stored.details as { pairs: IdentityPair[]; pairsTotal: number };
      const fresh = new Set(ring.slice(before).map((a) => a.applicationId));
      const [grown] = growIdentity(ring[0].identityKey!, ring, fresh, { citizenIds: stored.reasons[0].params.citizenIds as string[], score: stored.reasons[0].params.score as number, pairs: details.pairs, pairsTotal: details.pairsTotal }, programme);
      const [whole] = detectIdentity(ring[0].identityKey!, ring, programme);
      expect({ reasons: grown.reasons, details: grown.details }).toEqual({ reasons: whole.reasons, details: whole.details });
      // The stored alert keeps its members; the grown finding brings the new ones (the upsert adds them).
      expect([...new Set([...stored.applicationIds, ...grown.applicationIds])].sort()).toEqual(whole.applicationIds);
    });

    it.each([[6, [2]], [15, [0, 7]], [20, [3, 11, 19]]])('grown by filings committed after later ones (%i in all, fresh at %j): each pair counted once, as over the whole group', (size, freshAt) => {
      // The log is read in commit order: an application filed (given its position) before some
      // already in the alert can reach the projector after them.
      const ring = Array.from({ length: size }, (_, n) => app([submitted('4')], { ...nam, citizenId: `0200850${String(n).padStart(5, '0')}`, address: `Số ${n + 1} Lê Lợi` }));
      const fresh = new Set(freshAt.map((n) => ring[n].applicationId));
      const [stored] = detectIdentity(ring[0].identityKey!, ring.filter((a) => !fresh.has(a.applicationId)), programme);
      const details = stored.details as { pairs: IdentityPair[]; pairsTotal: number };
      const [grown] = growIdentity(ring[0].identityKey!, ring, fresh, { citizenIds: stored.reasons[0].params.citizenIds as string[], score: stored.reasons[0].params.score as number, pairs: details.pairs, pairsTotal: details.pairsTotal }, programme);
      const [whole] = detectIdentity(ring[0].identityKey!, ring, programme);
      expect({ reasons: grown.reasons, details: grown.details }).toEqual({ reasons: whole.reasons, details: whole.details });
    });

    it('nothing for one person’s own applications under one ID', () => {
      const apps = [app([submitted('4')], { ...nam, citizenId: '020082001234' }), app([submitted('7')], { ...nam, citizenId: '020082001234' })];
      expect(detectIdentity(apps[0].identityKey!, apps, programme)).toEqual([]);
    });
  });
});
