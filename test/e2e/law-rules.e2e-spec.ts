import { createTestDatabase, type TestDatabase } from '@lib/testing';
import { createApiTestApp, type ApiTestApp } from '../support/api-test-app';

/**
 * The law as issue 12 reads it, over HTTP: the agencies outside the commune, segregation of
 * intake and posting, authorization before state, the provincial decision's months, and
 * "one support, the highest" as supersession.
 */
describe('The law over HTTP', () => {
  let db: TestDatabase;
  let api: ApiTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('e2e_law');
    api = await createApiTestApp(db);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  type Roles = Parameters<ApiTestApp['token']>[0];
  const as = (role: Roles, ward: string | null = 'W01', sub?: string) => ({ Authorization: `Bearer ${api.token(role, ward, sub)}` });
  const applicant = (citizenId: string, ward = 'W01') => ({ citizenId, fullName: 'Hoàng Văn Tư', dateOfBirth: '1979-02-11', ward, address: `Thôn 2, ${ward}`, phone: '0912000111' });
  const CLAIMS: Record<string, Record<string, unknown>> = {
    '1': { months: ['2020-04', '2020-05', '2020-06'], employerName: 'Công ty May Lạng Sơn', employerTaxCode: '4900123456', suspensionStart: '2020-04-01', suspensionEnd: '2020-06-30', socialInsured: true, employerUnableToPay: true },
    '2': { months: ['2020-04', '2020-05'], businessName: 'Quán phở Tư', taxCode: '4900987654', revenue2020: 80_000_000, suspendedFrom: '2020-04-01', closureDecisionRef: '1010/QĐ-UBND' },
    '3': { months: ['2020-05', '2020-06'], contractSignedOn: '2019-06-01', terminatedOn: '2020-05-04', socialInsured: true, receivingUnemploymentBenefit: false, monthlyIncome: 0 },
    '7': { povertyListRef: 'DSHN-2019-LS-0042', householdMembers: 1, listStatus: 'poor' },
  };
  const submit = async (category: string, citizenId: string, by: Record<string, string> = as('intake-officer')) => {
    const response = await api.http.post('/applications').set(by).send({ programme: 'nq42-2020', category, applicant: applicant(citizenId), claim: CLAIMS[category] });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const step = (id: string, name: string, headers: Record<string, string>, body: Record<string, unknown> = {}) =>
    api.http.post(`/applications/${id}/steps/${name}`).set(headers).send({ outcome: 'completed', reference: `${name}-ref`, ...body });
  const ok = async (response: PromiseLike<{ status: number; body: unknown }>) => {
    const answer = await response;
    expect([answer.status, answer.body]).toEqual([200, expect.anything()]);
    return answer;
  };
  const pay = (id: string, amount: number) => api.http.post(`/applications/${id}/payment`).set(as('treasurer')).send({ amount, method: 'post-office', reference: 'BĐ-LS-77' });
  const view = async (id: string) => {
    await api.settle();
    return (await api.http.get(`/applications/${id}`).set(as('inspector', null))).body;
  };

  /** Category 7 share of one member (750,000), approved by the ward and decided by the province. */
  const approvedShare = async (citizenId: string) => {
    const id = await submit('7', citizenId);
    await ok(api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-1' }));
    await ok(api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' }));
    await ok(step(id, 'provincial-decision', as('province-approver', null), { decisionNo: '1520/QĐ-UBND' }));
    return id;
  };
  /** Category 1 (5,400,000) up to its approval, the district appraisal. */
  const appraisedFurlough = async (citizenId: string) => {
    const id = await submit('1', citizenId);
    await ok(step(id, 'social-insurance-confirmation', as('social-insurance-officer', null)));
    return { id, approve: () => step(id, 'district-appraisal', as('district-appraiser', null), { reference: 'TĐ-9' }) };
  };

  describe('agencies outside the commune', () => {
    it('has BHXH confirm category 1 and refuses the district appraiser there with 403', async () => {
      const id = await submit('1', '001079000201');
      const byAppraiser = await step(id, 'social-insurance-confirmation', as('district-appraiser', null));
      expect([byAppraiser.status, byAppraiser.body.code]).toEqual([403, 'forbidden']);
      await ok(step(id, 'social-insurance-confirmation', as('social-insurance-officer', null)));
    });

    it('has the tax sub-department appraise category 2 and refuses the district appraiser there with 403', async () => {
      const id = await submit('2', '001079000202');
      await ok(api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-2' }));
      await ok(step(id, 'public-posting', as('intake-officer'), { postedFrom: '2020-05-18', postedUntil: '2020-05-20' }));
      await ok(api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' }));
      expect((await step(id, 'tax-appraisal', as('district-appraiser', null))).status).toBe(403);
      await ok(step(id, 'tax-appraisal', as('tax-officer', null)));
      expect((await view(id)).currentStep).toBe('district-review');
    });
  });

  describe('segregation of intake from approval and payment', () => {
    it('refuses with 403 the officer who took the application in approving it, though they hold the approver role', async () => {
      const both = as(['intake-officer', 'ward-approver'], 'W01', 'can-bo-phu-huu');
      const id = await submit('3', '001079000203', both);
      await ok(api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-3' }));
      const approval = await api.http.post(`/applications/${id}/ward-approval`).set(both).send({ decision: 'approved' });
      expect([approval.status, approval.body.code, approval.body.reason]).toEqual([403, 'forbidden', 'segregation-of-duties']);
    });
  });

  describe('authorization before state', () => {
    it('answers a W02 approver acting on a W01 application at another step with 403, saying nothing of its state', async () => {
      const id = await submit('3', '001079000204');
      const response = await api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver', 'W02')).send({ decision: 'approved' });
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toMatch(/submitted|awaiting|village-review/);
    });

    it('answers a W02 treasurer paying an unapproved W01 application with 403', async () => {
      const id = await submit('3', '001079000205');
      const response = await api.http.post(`/applications/${id}/payment`).set(as('treasurer', 'W02')).send({ amount: 2_000_000, method: 'cash', reference: 'X' });
      expect(response.status).toBe(403);
    });
  });

  describe('the provincial decision', () => {
    it('takes approvedMonths; the approved amount and the amount due follow it', async () => {
      const { id, approve } = await appraisedFurlough('001079000206');
      await ok(approve());
      await ok(step(id, 'provincial-decision', as('province-approver', null), { decisionNo: '1600/QĐ-UBND', approvedMonths: ['2020-04'] }));
      expect(await view(id)).toMatchObject({ status: 'approved', approvedMonths: ['2020-04'], approvedAmount: 1_800_000, amountDue: 1_800_000 });
      expect((await pay(id, 5_400_000)).body.code).toBe('amount-mismatch');
      await ok(pay(id, 1_800_000));
    });

    it('refuses months the earlier approval did not grant with 400', async () => {
      const { id } = await appraisedFurlough('001079000207');
      await ok(step(id, 'district-appraisal', as('district-appraiser', null), { approvedMonths: ['2020-05', '2020-06'] }));
      const widened = await step(id, 'provincial-decision', as('province-approver', null), { decisionNo: '1601/QĐ-UBND', approvedMonths: ['2020-04', '2020-05'] });
      expect([widened.status, widened.body.code]).toEqual([400, 'validation-failed']);
    });
  });

  describe('one support, the highest', () => {
    it('lets a later category 1 support supersede a paid category 7 share and pays only the difference', async () => {
      const citizenId = '001079000208';
      const share = await approvedShare(citizenId);
      await ok(pay(share, 750_000));
      const { id: furlough, approve } = await appraisedFurlough(citizenId);
      const approval = await approve();
      expect([approval.status, approval.body.status]).toEqual([200, 'in-progress']);
      expect(await view(share)).toMatchObject({ status: 'superseded', supersededBy: furlough, paidAmount: 750_000, amountDue: 0 });
      expect(await view(furlough)).toMatchObject({ supersedes: [share], creditedAmount: 750_000, approvedAmount: 5_400_000 });
      await ok(step(furlough, 'provincial-decision', as('province-approver', null), { decisionNo: '1602/QĐ-UBND' }));
      expect((await view(furlough)).amountDue).toBe(4_650_000);
      await ok(pay(furlough, 4_650_000));
      const history = await api.http.get(`/applications/${share}/history`).set(as('auditor', null));
      expect(history.body.events.at(-1)).toMatchObject({ type: 'SupportApplicationSuperseded', data: { supersededBy: furlough, keptAmount: 750_000, cancelledAmount: 0 } });
    });

    it('cancels the unpaid share it supersedes: a payment of it afterwards is 409', async () => {
      const citizenId = '001079000209';
      const share = await approvedShare(citizenId);
      const { id: furlough, approve } = await appraisedFurlough(citizenId);
      await ok(approve());
      expect(await view(share)).toMatchObject({ status: 'superseded', amountDue: 0 });
      expect((await view(furlough)).creditedAmount).toBe(0);
      expect((await pay(share, 750_000)).status).toBe(409);
    });

    it('refuses a lower support after a higher one with 409 duplicate-support', async () => {
      const citizenId = '001079000210';
      const { approve } = await appraisedFurlough(citizenId);
      await ok(approve());
      const share = await submit('7', citizenId);
      await ok(api.http.post(`/applications/${share}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-4' }));
      const refused = await api.http.post(`/applications/${share}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' });
      expect([refused.status, refused.body.code]).toEqual([409, 'duplicate-support']);
    });

    it('serialises a payment of the lower support racing the higher approval: what the person got and what is due add up to the higher amount', async () => {
      const citizenId = '001079000211';
      const share = await approvedShare(citizenId);
      const { id: furlough, approve } = await appraisedFurlough(citizenId);
      const [payment, approval] = await Promise.all([pay(share, 750_000), approve()]);
      expect(approval.status).toBe(200);
      expect([200, 409]).toContain(payment.status);
      const [lower, higher] = [await view(share), await view(furlough)];
      expect(lower.status).toBe('superseded');
      // Whichever went first, the person ends with the higher amount: what the lower one paid plus what the higher one still owes.
      expect(lower.paidAmount + higher.approvedAmount - higher.creditedAmount).toBe(5_400_000);
      expect(higher.creditedAmount).toBe(lower.paidAmount);
      expect(lower.paidAmount).toBe(payment.status === 200 ? 750_000 : 0);
    });
  });

  describe('household members (category 7)', () => {
    const member = (citizenId: string, relation: string) => ({ citizenId, fullName: `Lường Thị ${citizenId.slice(-2)}`, dateOfBirth: '1990-05-05', relation });
    const household = async (headId: string, members: ReturnType<typeof member>[]) => {
      const response = await api.http.post('/applications').set(as('intake-officer')).send({
        programme: 'nq42-2020', category: '7', applicant: applicant(headId), claim: { povertyListRef: 'DSHN-2019-LS-0099', listStatus: 'poor', members },
      });
      expect(response.status).toBe(201);
      const id = response.body.id as string;
      await ok(api.http.post(`/applications/${id}/village-review`).set(as('village-reviewer')).send({ outcome: 'confirmed', minutesRef: 'BB-9' }));
      return { id, approve: () => api.http.post(`/applications/${id}/ward-approval`).set(as('ward-approver')).send({ decision: 'approved' }) };
    };

    it('pays rate × months × members listed', async () => {
      const { id, approve } = await household('001079000301', [member('001079000301', 'chủ hộ'), member('001079000302', 'vợ'), member('001079000303', 'con')]);
      await ok(approve());
      expect(await view(id)).toMatchObject({ approvedAmount: 3 * 750_000, claim: { members: [expect.objectContaining({ citizenId: '001079000301' }), expect.anything(), expect.anything()] } });
    });

    it('leaves out, at approval, a member who holds a higher support of their own; the others keep their share', async () => {
      const worker = '001079000312';
      const { approve: approveFurlough } = await appraisedFurlough(worker);
      await ok(approveFurlough());
      const { id, approve } = await household('001079000311', [member('001079000311', 'chủ hộ'), member(worker, 'con')]);
      const approval = await approve();
      expect(approval.status).toBe(200);
      expect(await view(id)).toMatchObject({ approvedAmount: 750_000 });
      const history = await api.http.get(`/applications/${id}/history`).set(as('auditor', null));
      expect(history.body.events.at(-1)).toMatchObject({ type: 'SupportApplicationMemberExcluded', data: { citizenId: worker, reason: 'holds-higher-support', cancelledAmount: 750_000 } });
    });

    it('refuses with 409 duplicate-support a person listed in two households', async () => {
      const shared = '001079000322';
      const first = await household('001079000321', [member('001079000321', 'chủ hộ'), member(shared, 'con')]);
      await ok(first.approve());
      const second = await household('001079000323', [member('001079000323', 'chủ hộ'), member(shared, 'con')]);
      const refused = await second.approve();
      expect([refused.status, refused.body.code]).toEqual([409, 'duplicate-support']);
    });

    it('lets a member\'s later higher support supersede only that member\'s share of a paid household, crediting what was paid', async () => {
      const worker = '001079000332';
      const { id, approve } = await household('001079000331', [member('001079000331', 'chủ hộ'), member(worker, 'con')]);
      await ok(approve());
      await ok(step(id, 'provincial-decision', as('province-approver', null), { decisionNo: '1700/QĐ-UBND' }));
      await ok(pay(id, 1_500_000));
      const { id: furlough, approve: approveFurlough } = await appraisedFurlough(worker);
      await ok(approveFurlough());
      expect(await view(id)).toMatchObject({ status: 'paid', approvedAmount: 1_500_000, paidAmount: 1_500_000 });
      expect(await view(furlough)).toMatchObject({ supersedes: [id], creditedAmount: 750_000 });
    });
  });

  describe('receivedOn and conditions that compare fields', () => {
    const file = (category: string, claim: Record<string, unknown>, receivedOn?: string) =>
      api.http.post('/applications').set(as('intake-officer')).send({ programme: 'nq42-2020', category, applicant: applicant('001079000401'), claim, ...(receivedOn ? { receivedOn } : {}) });
    const furlough = (suspensionStart: string, suspensionEnd: string, months: string[]) => ({ ...CLAIMS['1'], suspensionStart, suspensionEnd, months });

    it('records receivedOn and shows it on the application', async () => {
      const response = await file('3', CLAIMS['3'], '2020-07-02');
      expect(response.status).toBe(201);
      expect((await view(response.body.id)).receivedOn).toBe('2020-07-02');
    });

    it('refuses a receivedOn in the future, or not a date, with 400 naming the field and its code', async () => {
      for (const receivedOn of ['2999-01-01', '2020-02-30']) {
        const response = await file('3', CLAIMS['3'], receivedOn);
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body)).toMatch(/receivedOn/);
      }
      expect((await file('3', CLAIMS['3'], '2999-01-01')).body.errors).toEqual([{ field: 'receivedOn', code: 'received-in-future', message: expect.stringMatching(/hôm nay/) }]);
    });

    it('refuses a dossier received before the programme\'s filing period with 422', async () => {
      const response = await file('3', CLAIMS['3'], '2020-03-01');
      expect([response.status, response.body.errors?.[0]?.code]).toEqual([422, 'outside-filing-period']);
    });

    it('accepts a furlough of exactly one month (01/4 to 30/4) and refuses one of six days (15/5 to 20/5)', async () => {
      expect((await file('1', furlough('2020-04-01', '2020-04-30', ['2020-04']), '2020-05-04')).status).toBe(201);
      const short = await file('1', furlough('2020-05-15', '2020-05-20', ['2020-05']), '2020-05-25');
      expect([short.status, short.body.code, short.body.errors[0].field]).toEqual([422, 'not-eligible', 'claim.suspensionEnd']);
      expect(short.body.errors[0].message).toMatch(/01 tháng/);
    });

    it('refuses a month claimed after the furlough ended, and a job loss after the day the dossier was received', async () => {
      expect((await file('1', furlough('2020-04-01', '2020-05-10', ['2020-04', '2020-05', '2020-06']), '2020-07-01')).status).toBe(422);
      const early = await file('4', { months: ['2020-06'], occupation: 'street-vendor', jobLostOn: '2020-06-20', monthlyIncome: 0 }, '2020-06-18');
      expect(early.status).toBe(422);
      expect(early.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['claim.jobLostOn']));
    });
  });

  describe('the amending acts (QĐ 32, NQ 154 of 19/10/2020) as programme version 2', () => {
    const fileOn = (receivedOn: string, claim: Record<string, unknown> = CLAIMS['3']) =>
      api.http.post('/applications').set(as('intake-officer')).send({ programme: 'nq42-2020', category: '3', applicant: applicant('001079000501'), claim, receivedOn });

    it('decides a dossier received from 19/10/2020 under version 2 and an earlier one under version 1', async () => {
      const [before, after] = [await fileOn('2020-10-18'), await fileOn('2020-10-19')];
      expect([before.status, after.status]).toEqual([201, 201]);
      expect((await view(before.body.id)).programmeVersion).toBe(1);
      expect((await view(after.body.id)).programmeVersion).toBe(2);
    });

    it('takes the education institutions QĐ 32 added as employers in version 2 only', async () => {
      const claim = { ...CLAIMS['1'], employerKind: 'private-education-institution' };
      const underV2 = await api.http.post('/applications').set(as('intake-officer')).send({ programme: 'nq42-2020', category: '1', applicant: applicant('001079000502'), claim, receivedOn: '2020-10-20' });
      expect(underV2.status).toBe(201);
      const underV1 = await api.http.post('/applications').set(as('intake-officer')).send({ programme: 'nq42-2020', category: '1', applicant: applicant('001079000503'), claim, receivedOn: '2020-07-01' });
      expect([underV1.status, underV1.body.errors?.[0]?.field]).toEqual([400, 'claim.employerKind']);
    });
  });
});
