import { findCategory, type Applicant, type ProgrammeCatalog, type ProgrammeDefinition, type SupportApplicationEvent } from '@lib/domain';
import type { Random } from '../demo/demo-data';
import { applicationStream, beneficiaryEventsFor, decideApplication, workingDayFrom, type ApplicationPlan, type DecidedApplication, type Stream } from './synthetic-application';
import { cleanClaim, drawClean, intakeDayFor, syntheticPerson } from './synthetic-people';

/** One injected case: the rule it breaks, the applications involved, and rules it rightly trips too. */
export interface GroundTruthCase {
  rule: string;
  variant: string;
  applicationIds: string[];
  alsoExpected?: string[];
}

export interface InjectedUnit {
  streams: Stream[];
  truth: GroundTruthCase;
}

export interface InjectionContext {
  random: Random;
  programme: ProgrammeDefinition;
  catalog: ProgrammeCatalog;
  beneficiaryKey: (citizenId: string) => string;
  nextSerial: () => number;
  newId: () => string;
  ward: () => string;
}

type Patch = (events: SupportApplicationEvent[]) => SupportApplicationEvent[];

const patchData = <T extends SupportApplicationEvent['type']>(type: T, change: (data: any) => object): Patch => (events) =>
  events.map((event) => (event.type === type ? ({ ...event, data: { ...event.data, ...change(event.data) } } as SupportApplicationEvent) : event));
const without = (predicate: (event: SupportApplicationEvent) => boolean): Patch => (events) => events.filter((event) => !predicate(event));
const patchClaim = (change: (claim: Record<string, unknown>) => Record<string, unknown>): Patch =>
  patchData('SupportApplicationSubmitted', (data) => ({ claim: change({ ...data.claim }) }));
const dropField = (field: string) => patchClaim((claim) => {
  delete claim[field];
  return claim;
});

/** Applications of the case, decided by the domain, then changed as a legacy system recorded them. */
class CaseBuilder {
  private readonly applications: { decided: DecidedApplication; applicant: Applicant }[] = [];

  constructor(private readonly ctx: InjectionContext) {}

  person(overrides: Partial<Applicant> = {}, ward = this.ctx.ward()): Applicant {
    return { ...syntheticPerson(this.ctx.random, this.ctx.nextSerial(), ward), ...overrides };
  }

  /** A paid application (unless the plan says otherwise) of `category` for `applicant`. */
  async add(applicant: Applicant, category: string, plan: Partial<ApplicationPlan> & { months?: string[] } = {}, ...patches: Patch[]): Promise<string> {
    const { random, programme, catalog } = this.ctx;
    const draw = drawClean(random, this.ctx.nextSerial(), programme, category);
    const months = plan.months ?? draw.months;
    const claim = plan.claim ?? (plan.months ? cleanClaim(category, random, this.ctx.nextSerial(), months) : draw.claim);
    const decided = await decideApplication(
      { applicationId: this.ctx.newId(), category, applicant, claim, intakeDay: plan.intakeDay ?? intakeDayFor(category, months, random, programme), outcome: 'paid', ...plan },
      programme, catalog, random, this.ctx.beneficiaryKey,
    );
    const events = patches.reduce((history, patch) => patch(history), decided.events);
    this.applications.push({ decided: { ...decided, events }, applicant });
    return decided.applicationId;
  }

  unit(rule: string, variant: string, alsoExpected?: string[]): InjectedUnit {
    const streams = this.applications.map(({ decided }) => applicationStream(decided));
    const byPerson = new Map<string, DecidedApplication[]>();
    for (const { decided, applicant } of this.applications) byPerson.set(applicant.citizenId, [...(byPerson.get(applicant.citizenId) ?? []), decided]);
    for (const [citizenId, applications] of byPerson) {
      const beneficiary = beneficiaryEventsFor(applications, this.ctx.beneficiaryKey(citizenId), this.ctx.catalog);
      if (beneficiary) streams.push(beneficiary);
    }
    return { streams, truth: { rule, variant, applicationIds: this.applications.map(({ decided }) => decided.applicationId), ...(alsoExpected ? { alsoExpected } : {}) } };
  }
}

const NON_STACKABLE = ['2', '3', '4', '6', '7'];
const amountOf = (events: SupportApplicationEvent[]) => (events.find((event) => event.type === 'SupportApplicationApproved')?.data as { approvedAmount: number } | undefined)?.approvedAmount ?? 0;

/** Each rule's patterns; `index` picks the variant, so a run covers every variant of every rule. */
export const INJECTORS: Record<string, (ctx: InjectionContext, index: number) => Promise<InjectedUnit>> = {
  F1: async (ctx) => {
    const c = new CaseBuilder(ctx);
    const [first, second] = [...NON_STACKABLE].sort(() => ctx.random.next() - 0.5);
    const person = c.person();
    await c.add(person, first);
    await c.add(person, second);
    return c.unit('F1', `categories ${first} and ${second}`);
  },
  F2: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    if (index % 2 === 0) {
      const person = c.person();
      await c.add(person, '4', { months: ['2020-04'] });
      const other = ctx.ward();
      await c.add({ ...person, ward: other === person.ward ? `${other}B` : other }, '4', { months: ['2020-06'] });
      return c.unit('F2', 'paid in two communes');
    }
    await c.add(c.person(), '4', {}, patchClaim((claim) => ({ ...claim, residence: 'temporary' })));
    return c.unit('F2', 'temporary resident without confirmation');
  },
  F3: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const rate = findCategory(ctx.programme, '4')!.rate;
    if (index % 3 === 0) {
      await c.add(c.person(), '4', {}, (events) => {
        const wrong = amountOf(events) + rate;
        return patchData('SupportApplicationPaid', () => ({ amount: wrong }))(patchData('SupportApplicationApproved', () => ({ approvedAmount: wrong }))(events));
      });
      return c.unit('F3', 'amount above rate × months');
    }
    if (index % 3 === 1) {
      const person = c.person();
      await c.add(person, '4', { months: ['2020-04'] });
      await c.add(person, '4', { months: ['2020-04', '2020-05'] });
      return c.unit('F3', 'same month twice');
    }
    const first = c.person();
    const claim = cleanClaim('2', ctx.random, ctx.nextSerial(), ['2020-04', '2020-05']);
    await c.add(first, '2', { months: ['2020-04', '2020-05'], claim });
    await c.add(c.person({ address: first.address }, first.ward), '2', { months: ['2020-04', '2020-05'], claim: { ...claim } });
    return c.unit('F3', 'household business paid twice');
  },
  F4: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    if (index % 2 === 0) {
      await c.add(c.person(), drawClean(ctx.random, 0, ctx.programme).category, {}, without((event) => event.type === 'SupportApplicationDecided' && event.data.kind === 'decision'));
      return c.unit('F4', 'paid without the provincial decision');
    }
    await c.add(c.person(), '7', {}, patchData('SupportApplicationPaid', (data) => ({ amount: data.amount + 500_000 })));
    return c.unit('F4', 'paid above the approved amount');
  },
  F5: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    // Only category 4's posting has a minimum length (2 working days); category 2 must just be posted.
    const category = index % 2 === 0 ? ctx.random.pick(['2', '4']) : '4';
    if (index % 2 === 0) await c.add(c.person(), category, {}, without((event) => event.type === 'SupportApplicationPosted'));
    else await c.add(c.person(), category, {}, patchData('SupportApplicationPosted', (data) => ({ postedFrom: data.postedUntil })));
    return c.unit('F5', index % 2 === 0 ? 'forwarded without posting' : 'posted one working day');
  },
  F6: async (ctx) => {
    const c = new CaseBuilder(ctx);
    await c.add(c.person(), ctx.random.pick(['3', '4', '5', '6', '7']), {}, (events) => {
      const approver = (events.find((event) => event.type === 'SupportApplicationApproved')!.data as { approvedBy: string }).approvedBy;
      return patchData('SupportApplicationPaid', () => ({ paidBy: approver }))(events);
    });
    return c.unit('F6', 'approver paid out');
  },
  F7: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const patches = [
      patchClaim((claim) => ({ ...claim, revenue2020: ctx.random.int(100, 500) * 1_000_000 })),
      patchClaim((claim) => ({ ...claim, suspendedFrom: '2020-03-20' })),
      dropField('closureDecisionRef'),
    ];
    await c.add(c.person(), '2', {}, patches[index % 3]);
    return c.unit('F7', ['revenue ≥ 100M', 'suspended before 1 April', 'no closure decision'][index % 3]);
  },
  F8: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const patches = [
      patchClaim((claim) => ({ ...claim, occupation: 'rice-farmer' })),
      patchClaim((claim) => ({ ...claim, monthlyIncome: ctx.random.int(1_500_000, 3_000_000) })),
      patchClaim((claim) => ({ ...claim, jobLostOn: '2020-03-20' })),
    ];
    await c.add(c.person(), '4', {}, patches[index % 3]);
    return c.unit('F8', ['agricultural occupation', 'income above near-poor line', 'job lost before the window'][index % 3]);
  },
  F9: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    if (index % 2 === 0) await c.add(c.person(), '4', { months: ['2020-04', '2020-05', '2020-06'] }, patchClaim((claim) => ({ ...claim, jobLostOn: '2020-05-05' })));
    else await c.add(c.person(), '4', { months: ['2020-05', '2020-06'], intakeDay: workingDayFrom(`2020-05-${String(ctx.random.int(4, 12)).padStart(2, '0')}`, ctx.programme) });
    return c.unit('F9', index % 2 === 0 ? 'month before the job loss' : 'filed before the 15th');
  },
  F10: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const patches = [
      patchClaim((claim) => ({ ...claim, contractSignedOn: '2020-04-15' })),
      patchClaim((claim) => ({ ...claim, terminatedOn: '2020-03-25' })),
      patchClaim((claim) => ({ ...claim, socialInsured: false })),
      patchClaim((claim) => ({ ...claim, receivingUnemploymentBenefit: true })),
    ];
    await c.add(c.person(), '3', {}, patches[index % 4]);
    return c.unit('F10', ['contract after 1 April', 'terminated before 1 April', 'no social insurance', 'also on unemployment benefit'][index % 4]);
  },
  F11: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const variant = index % 5;
    if (variant === 4) {
      const person = c.person();
      await c.add(person, '1', { months: ['2020-05', '2020-06'] });
      await c.add(person, '4', { months: ['2020-05'] });
      return c.unit('F11', 'furloughed and informal worker in May', ['F1']);
    }
    const patches = [
      patchClaim((claim) => ({ ...claim, suspensionStart: '2020-03-16' })),
      patchClaim((claim) => ({ ...claim, suspensionStart: '2020-05-01', suspensionEnd: '2020-05-11' })),
      patchClaim((claim) => ({ ...claim, socialInsured: false })),
      without((event) => event.type === 'SupportApplicationReviewed' && event.data.step === 'social-insurance-confirmation'),
    ];
    await c.add(c.person(), '1', { months: ['2020-05', '2020-06'] }, patches[variant]);
    return c.unit('F11', ['started before 1 April', 'shorter than a month', 'no social insurance', 'approved without BHXH confirmation'][variant]);
  },
  F12: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const [category, patch, variant] = ([
      ['7', dropField('povertyListRef'), 'poor household without list reference'],
      ['7', patchClaim((claim) => ({ ...claim, listStatus: 'not-listed' })), 'household not poor or near-poor'],
      ['5', dropField('allowanceRegisterNo'), 'no allowance register number'],
      ['6', dropField('socialAssistanceRegisterNo'), 'no social-assistance register number'],
    ] as const)[index % 4];
    await c.add(c.person(), category, {}, patch);
    return c.unit('F12', variant);
  },
  F13: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    const thresholds = ctx.programme.fraudRules?.F13?.thresholds ?? {};
    const kind = (['bankAccount', 'phone', 'address', 'payee'] as const)[index % 4];
    const size = (thresholds[kind] ?? 3) + ctx.random.int(0, 2);
    const ward = ctx.ward();
    const shared = { bankAccount: `0999${String(ctx.nextSerial()).padStart(9, '0')}`, phone: `08${String(10_000_000 + ctx.nextSerial()).padStart(8, '0')}`, address: `Nhà trọ số ${ctx.nextSerial()}, ${ward}` };
    const collector = `Đỗ Văn Thu ${ctx.nextSerial()}`;
    for (let i = 0; i < size; i += 1) {
      const applicant = c.person(kind === 'payee' ? {} : { [kind]: shared[kind] }, ward);
      await c.add(applicant, ctx.random.pick(['4', '7', '3']), kind === 'payee' ? { payee: collector } : {});
    }
    return c.unit('F13', `${size} people sharing one ${kind}`);
  },
  F14: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    if (index % 2 === 0) {
      await c.add(c.person(), '7', {}, patchData('SupportApplicationPaid', (data) => ({ amount: data.amount - 50_000 * ctx.random.int(1, 5) })));
      return c.unit('F14', 'receipt below the approved amount');
    }
    const size = (ctx.programme.fraudRules?.F14?.thresholds?.refusalsPerWardDay ?? 10) + ctx.random.int(0, 4);
    const ward = ctx.ward();
    const intakeDay = workingDayFrom(`2020-05-${String(ctx.random.int(18, 22))}`, ctx.programme);
    for (let i = 0; i < size; i += 1) await c.add(c.person({}, ward), '7', { intakeDay, outcome: 'withdrawn', stepsDone: 1 });
    return c.unit('F14', `${size} refusals in one ward on one day`);
  },
  F15: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    await c.add(c.person(), ctx.random.pick(['4', '7', '3']), {}, (events) => {
      const paid = events.find((event) => event.type === 'SupportApplicationPaid')!.data as { applicationId: string; amount: number; paidAt: string };
      const later = new Date(Date.parse(paid.paidAt) + 20 * 86_400_000).toISOString();
      const partial: SupportApplicationEvent[] = index % 2 === 1
        ? [{ type: 'SupportRecoveryOrdered', data: { applicationId: paid.applicationId, amount: Math.floor(paid.amount / 2), reason: 'một phần', orderedBy: 'inspector-province', orderedAt: later } }]
        : [];
      return [...events, ...partial, { type: 'SupportApplicationRejected', data: { applicationId: paid.applicationId, step: 'provincial-decision', reason: 'không đủ điều kiện sau rà soát lại', rejectedBy: 'province-approver-revoking', rejectedAt: later } }];
    });
    return c.unit('F15', index % 2 === 0 ? 'refused after payment, nothing ordered back' : 'refused after payment, half ordered back');
  },
  F16: async (ctx) => {
    const c = new CaseBuilder(ctx);
    const category = ctx.random.pick(['1', '2', '4']);
    const first = findCategory(ctx.programme, category)!.steps[1];
    await c.add(c.person(), category, { delays: { [first.name]: (first.timeLimitWorkingDays ?? 3) + ctx.random.int(0, 3) } });
    return c.unit('F16', `${first.name} late`);
  },
  F17: async (ctx) => {
    const c = new CaseBuilder(ctx);
    await c.add(c.person(), '7');
    return c.unit('F17', 'approved over the reported budget');
  },
  F20: async (ctx, index) => {
    const c = new CaseBuilder(ctx);
    // One person under a 12-digit CCCD and again under a 9-digit CMND: the duplicate F1 cannot see.
    const person = c.person();
    const cmnd = `0${String(ctx.nextSerial()).padStart(8, '0')}`.slice(-9);
    const plain = person.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toUpperCase();
    const variant = index % 2;
    const again = variant === 0
      ? { ...person, citizenId: cmnd, phone: `08${String(20_000_000 + ctx.nextSerial()).padStart(8, '0')}` }
      : { ...person, citizenId: cmnd, fullName: plain, address: `Thôn ${ctx.random.int(1, 9)}, ${person.ward}` };
    await c.add(person, '7');
    await c.add(again, '4');
    return c.unit('F20', variant === 0 ? 'CMND and CCCD at one address' : 'CMND and CCCD with one phone, the name typed without diacritics');
  },
};
