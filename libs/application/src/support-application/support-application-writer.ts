import {
  actingRole,
  beneficiaryCommandsFor,
  beneficiaryStream,
  creditFor,
  decide,
  decideBeneficiary,
  evolve,
  evolveBeneficiary,
  initialBeneficiary,
  initialState,
  supersede,
  supportApplicationStream,
  type Beneficiary,
  type BeneficiaryEvent,
  type SupportApplication,
  type SupportApplicationCommand,
  type SupportApplicationEvent,
} from '@lib/domain';
import type { ProgrammeRegistry } from '@lib/platform';
import type { BeneficiaryKeys } from '../beneficiary-keys';
import type { CommandContext, CommandResult } from '../command-context';
import type { StreamWriter } from '../stream-writer/stream-writer';
import type { Fold } from '../stream-writer/stream-store';
import type { UnitOfWork } from '../stream-writer/unit-of-work';

export const supportApplicationFold: Fold<SupportApplication> = {
  initial: initialState,
  evolve: (state, event) => evolve(state, event as unknown as SupportApplicationEvent),
};

export const beneficiaryFold: Fold<Beneficiary> = {
  initial: initialBeneficiary,
  evolve: (state, event) => evolveBeneficiary(state, event as unknown as BeneficiaryEvent),
};

/**
 * Every support-application command: the application decides, and what its events mean for
 * the person (a support held or given back) is decided on the person's stream in the same
 * append, so two wards approving one person at once cannot both succeed.
 */
export class SupportApplicationWriter {
  constructor(
    private readonly writer: StreamWriter,
    private readonly programmes: Pick<ProgrammeRegistry, 'catalog'>,
    private readonly keys: Pick<BeneficiaryKeys, 'keyOf'>,
  ) {}

  execute(applicationId: string, context: CommandContext, command: (now: string) => SupportApplicationCommand): Promise<CommandResult> {
    return this.writer.execute(context, (work, now) => this.decide(work, applicationId, command(now)));
  }

  /** The decision alone, for commands that carry several applications in one unit of work. */
  async decide(work: UnitOfWork, applicationId: string, command: SupportApplicationCommand): Promise<CommandResult> {
    const catalog = this.programmes.catalog;
    const streamId = supportApplicationStream(applicationId);
    const state = await work.load(streamId, supportApplicationFold, { pinned: true });
    const events = decide(command, state, catalog);
    work.actingAs(actingRole(command, state, catalog));
    let after = work.append<SupportApplication>(streamId, events);
    if (after.status !== 'none') {
      const personEvents = await this.decideForPerson(work, state, events, this.keys.keyOf(after.citizenId));
      after = (await this.closeSuperseded(work, streamId, personEvents)) ?? after;
    }
    return { id: applicationId, status: after.status, version: work.versionOf(streamId) };
  }

  private async decideForPerson(work: UnitOfWork, before: SupportApplication, events: SupportApplicationEvent[], key: string): Promise<BeneficiaryEvent[]> {
    const commands = beneficiaryCommandsFor(before, events, key);
    if (commands.length === 0) return [];
    const streamId = beneficiaryStream(key);
    let state = await work.load(streamId, beneficiaryFold);
    const all: BeneficiaryEvent[] = [];
    for (const command of commands) {
      const decided: BeneficiaryEvent[] = decideBeneficiary(command, state, this.programmes.catalog);
      state = work.append<Beneficiary>(streamId, decided);
      all.push(...decided);
    }
    return all;
  }

  /**
   * A higher support superseded lower ones on the person's stream: each lower application is
   * closed in the same append (its stream read at its head, so a payment racing it retries),
   * and the higher one is credited with what the person kept.
   */
  private async closeSuperseded(work: UnitOfWork, higherStream: string, personEvents: readonly BeneficiaryEvent[]): Promise<SupportApplication | null> {
    let higher: SupportApplication | null = null;
    for (const event of personEvents) {
      if (event.type !== 'BeneficiarySupportSuperseded') continue;
      const lowerStream = supportApplicationStream(event.data.applicationId);
      const lower = await work.load(lowerStream, supportApplicationFold);
      const superseded = supersede(lower, { applicationId: event.data.supersededBy, at: event.data.supersededAt });
      work.append<SupportApplication>(lowerStream, [superseded]);
      higher = work.append<SupportApplication>(higherStream, [creditFor(superseded)]);
    }
    return higher;
  }
}
