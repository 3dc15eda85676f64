import { randomUUID } from 'node:crypto';
import { addWorkingDays, amountFor, findCategory, parseClaim, type Actor, type Role } from '@lib/domain';
import { DomainError } from '@lib/domain';
import type { CommandContext, SupportApplicationWriter } from '@lib/application';
import type { ProgrammeRegistry } from '@lib/platform';
import type { BulkWriter } from '../bulk/bulk-writer';
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

/** Applications prefetched and decided together by the bulk path. */
const BULK_CHUNK = 1000;

/**
 * Demo data driven through the domain: every application is submitted and advanced by
 * officers of the right role, so the log holds only what the rules allow. Dates replay April
 * to June 2020, one to two working days per step. `run` goes through the API's writer (one
 * append per command); `runBulk` decides the same commands in memory with a BulkWriter and
 * appends thousands of them per statement (`cli seed --bulk`). The same seed gives the same
 * people, claims and outcomes either way.
 */
export class DemoSeeder {
  constructor(private readonly writer: SupportApplicationWriter, private readonly programmes: ProgrammeRegistry) {}

  async run(options: SeedOptions): Promise<SeedReport> {
    const report: SeedReport = { applications: 0, events: 0, byStatus: {} };
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < options.applications; index = next++) {
        await this.tally(report, options, () => this.drive(this.plan(index, options), this.writer));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    return report;
  }

  /** The bulk path: chunk by chunk, read what exists of the chunk's streams at once, decide in memory, append in batches. */
  async runBulk(options: SeedOptions, writer: BulkWriter): Promise<SeedReport> {
    const report: SeedReport = { applications: 0, events: 0, byStatus: {} };
    for (let first = 0; first < options.applications; first += BULK_CHUNK) {
      const plans = Array.from({ length: Math.min(BULK_CHUNK, options.applications - first) }, (_, offset) => this.plan(first + offset, options));
      await writer.prefetch(plans.map((plan) => plan.id), plans.map((plan) => plan.applicant.citizenId));
      for (const plan of plans) await this.tally(report, options, () => this.drive(plan, writer.applications));
    }
    await writer.finish();
    return report;
  }

  private async tally(report: SeedReport, options: SeedOptions, seedOne: () => Promise<{ status: string; version: number }>): Promise<void> {
    try {
      const { status, version } = await seedOne();
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

  /** Who applies for what, drawn from the seed; the same random goes on to draw the steps. */
  private plan(index: number, options: SeedOptions) {
    const random = new Random(options.seed * 1_000_003 + index);
    const programme = this.programmes.catalog(options.programmeId)!;
    const code = pickCategory(random);
    const category = findCategory(programme, code)!;
    const ward = wardCode(random.int(0, options.wards - 1));
    const id = randomUUID();
    const applicant = person(random, (options.firstSerial ?? 0) + index + 1, ward);
    return { index, random, programme, code, category, ward, id, applicant };
  }

  private async drive(plan: ReturnType<DemoSeeder['plan']>, writer: SupportApplicationWriter) {
    const { index, random, programme, code, category, ward, id, applicant } = plan;
    const at = (date: string) => `${date}T0${random.int(1, 8)}:${String(random.int(10, 59))}:00.000Z`;
    const context = (actor: Actor): CommandContext => ({ actor, commandId: randomUUID(), correlationId: id, at: at(day) });
    const rawClaim = claimFor(code, random);
    // Filed in the first month claimed, after the 15th (QĐ 15, category 4).
    const firstMonth = Array.isArray(rawClaim.months) ? (rawClaim.months[0] as string) : '2020-04';
    let day = `${firstMonth}-${String(random.int(16, 28)).padStart(2, '0')}`;
    let result = await writer.execute(id, context(officer(category.steps[0].role, ward)), (now) => ({
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
        result = await writer.execute(id, context(actor), (now) => ({
          type: 'RecordSupportPayment',
          data: { applicationId: id, amount: amountFor(category, claim, claim.months), method: random.pick(['cash', 'post-office', 'bank'] as const), reference: `PC-${index + 1}` },
          metadata: { actor, now },
        }));
        continue;
      }
      const refused = step.kind !== 'posting' && random.chance(0.03);
      if (step.kind === 'posting') day = addWorkingDays(postedFrom, step.minWorkingDays ?? 2, programme.calendar);
      result = await writer.execute(id, context(actor), (now) => ({
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
