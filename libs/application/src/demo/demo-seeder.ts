import { randomUUID } from 'node:crypto';
import { addWorkingDays, amountFor, findCategory, parseClaim, type Actor, type Role } from '@lib/domain';
import { DomainError } from '@lib/domain';
import type { CommandContext } from '../shared/command-context';
import type { ProgrammeRegistry } from '../shared/programme-registry';
import type { SupportApplicationWriter } from '../support-application/support-application-writer';
import { Random, claimFor, person, pickCategory, wardCode } from './demo-data';

export interface SeedOptions {
  applications: number;
  wards: number;
  seed: number;
  concurrency: number;
  programmeId: string;
  /** People already seeded: new ones get serials after them, so a second run adds, never collides. */
  firstSerial?: number;
  onProgress?: (done: number) => void;
}

export interface SeedReport {
  applications: number;
  events: number;
  byStatus: Record<string, number>;
}

const officer = (role: Role, ward: string, n = 1): Actor => ({
  id: `${ward}-${role}-${n}`,
  roles: [role],
  ward: ['district-appraiser', 'province-approver'].includes(role) ? null : ward,
});

/**
 * Demo data driven through the same writer as the API: every application is submitted and
 * advanced by officers of the right role, so the log holds only what the rules allow. Dates
 * replay April to June 2020, one to two working days per step.
 */
export class DemoSeeder {
  constructor(private readonly writer: SupportApplicationWriter, private readonly programmes: ProgrammeRegistry) {}

  async run(options: SeedOptions): Promise<SeedReport> {
    const report: SeedReport = { applications: 0, events: 0, byStatus: {} };
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < options.applications; index = next++) {
        try {
          const { status, version } = await this.seedOne(index, options);
          report.events += version;
          report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        } catch (error) {
          // A refusal is data too (say, a person already supported); anything else is a fault.
          if (!(error instanceof DomainError)) throw error;
          report.byStatus[`refused:${error.code}`] = (report.byStatus[`refused:${error.code}`] ?? 0) + 1;
        }
        report.applications += 1;
        options.onProgress?.(report.applications);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    return report;
  }

  private async seedOne(index: number, options: SeedOptions) {
    const random = new Random(options.seed * 1_000_003 + index);
    const programme = this.programmes.catalog(options.programmeId)!;
    const code = pickCategory(random);
    const category = findCategory(programme, code)!;
    const ward = wardCode(random.int(0, options.wards - 1));
    const id = randomUUID();
    const at = (date: string) => `${date}T0${random.int(1, 8)}:${String(random.int(10, 59))}:00.000Z`;
    const context = (actor: Actor): CommandContext => ({ actor, commandId: randomUUID(), correlationId: id, at: at(day) });
    const applicant = person(random, (options.firstSerial ?? 0) + index + 1, ward);
    const rawClaim = claimFor(code, random);
    // Filed in the first month claimed, after the 15th (QĐ 15, category 4).
    const firstMonth = Array.isArray(rawClaim.months) ? (rawClaim.months[0] as string) : '2020-04';
    let day = `${firstMonth}-${String(random.int(16, 28)).padStart(2, '0')}`;
    let result = await this.writer.execute(id, context(officer(category.steps[0].role, ward)), (now) => ({
      type: 'SubmitSupportApplication',
      data: { applicationId: id, programmeId: programme.id, category: code, applicant, claim: rawClaim },
      metadata: { actor: officer(category.steps[0].role, ward), now },
    }));
    // Most applications are paid; some stop part-way (still in progress) and a few are refused.
    const stopAfter = random.chance(0.2) ? random.int(1, category.steps.length - 1) : category.steps.length;
    for (const [position, step] of category.steps.entries()) {
      if (position === 0) continue;
      if (position >= stopAfter) break;
      const postedFrom = day;
      day = addWorkingDays(day, random.int(1, 2), programme.calendar);
      const actor = officer(step.role, ward, position);
      if (step.kind === 'payment') {
        const claim = parseClaim(category, rawClaim);
        result = await this.writer.execute(id, context(actor), (now) => ({
          type: 'RecordSupportPayment',
          data: { applicationId: id, amount: amountFor(category, claim, claim.months), method: random.pick(['cash', 'post-office', 'bank'] as const), reference: `PC-${index + 1}` },
          metadata: { actor, now },
        }));
        continue;
      }
      const refused = step.kind !== 'posting' && random.chance(0.03);
      if (step.kind === 'posting') day = addWorkingDays(postedFrom, step.minWorkingDays ?? 2, programme.calendar);
      result = await this.writer.execute(id, context(actor), (now) => ({
        type: 'PerformSupportStep',
        data: {
          applicationId: id,
          step: step.name,
          outcome: refused ? 'rejected' : 'completed',
          reason: refused ? 'Không đủ điều kiện theo biên bản rà soát' : undefined,
          minutesRef: step.kind === 'review' ? `BB-${index + 1}` : undefined,
          decisionNo: step.kind === 'decision' ? `${random.int(100, 1999)}/QĐ-UBND` : undefined,
          reference: step.kind === 'posting' ? 'Nhà văn hoá khối' : undefined,
          postedFrom: step.kind === 'posting' ? postedFrom : undefined,
          postedUntil: step.kind === 'posting' ? day : undefined,
        },
        metadata: { actor, now },
      }));
      if (refused) break;
    }
    return result;
  }
}
