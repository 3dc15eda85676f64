import {
  actingRole,
  beneficiaryCommandsFor,
  beneficiaryStream,
  decide,
  decideBeneficiary,
  evolve,
  evolveBeneficiary,
  initialBeneficiary,
  initialState,
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
  async decide(work: UnitOfWork, applicationId: string, command: SupportApplicationCommand, options: { pinned?: boolean } = { pinned: true }): Promise<CommandResult> {
    const catalog = this.programmes.catalog;
    const streamId = supportApplicationStream(applicationId);
    const state = await work.load(streamId, supportApplicationFold, options);
    const events = decide(command, state, catalog);
    work.actingAs(actingRole(command, state, catalog));
    const after = work.append<SupportApplication>(streamId, events);
    if (after.status !== 'none') await this.decideForPerson(work, state, events, this.keys.keyOf(after.citizenId));
    return { id: applicationId, status: after.status, version: work.versionOf(streamId) };
  }

  /** The people's streams of these applications, read ahead of deciding them one by one. */
  async preloadPeople(work: UnitOfWork, applications: readonly SupportApplication[]): Promise<void> {
    const keys = applications.flatMap((state) => (state.status === 'none' ? [] : [beneficiaryStream(this.keys.keyOf(state.citizenId))]));
    await work.preload(keys, beneficiaryFold);
  }

  private async decideForPerson(work: UnitOfWork, before: SupportApplication, events: SupportApplicationEvent[], key: string): Promise<void> {
    const commands = beneficiaryCommandsFor(before, events, key);
    if (commands.length === 0) return;
    const streamId = beneficiaryStream(key);
    let state = await work.load(streamId, beneficiaryFold);
    for (const command of commands) {
      const decided: BeneficiaryEvent[] = decideBeneficiary(command, state, this.programmes.catalog);
      state = work.append<Beneficiary>(streamId, decided);
    }
  }
}
