import {
  actingRole,
  beneficiaryCommandsFor,
  beneficiaryStream,
  creditFor,
  creditForMember,
  decide,
  decideBeneficiary,
  decideMemberGrant,
  evolve,
  evolveBeneficiary,
  excludeMember,
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
  async decide(work: UnitOfWork, applicationId: string, command: SupportApplicationCommand, options: { pinned?: boolean } = { pinned: true }): Promise<CommandResult> {
    const catalog = this.programmes.catalog;
    const streamId = supportApplicationStream(applicationId);
    const state = await work.load(streamId, supportApplicationFold, options);
    const events = decide(command, state, catalog);
    work.actingAs(actingRole(command, state, catalog));
    let after = work.append<SupportApplication>(streamId, events);
    if (after.status !== 'none') {
      const personEvents = await this.decideForPeople(work, streamId, state, events, this.keys.keyOf(after.citizenId));
      after = (await this.closeSuperseded(work, streamId, personEvents)) ?? work.append<SupportApplication>(streamId, []);
    }
    return { id: applicationId, status: after.status, version: work.versionOf(streamId) };
  }

  /** The people's streams of these applications, read ahead of deciding them one by one. */
  async preloadPeople(work: UnitOfWork, applications: readonly SupportApplication[]): Promise<void> {
    const keys = applications.flatMap((state) => (state.status === 'none' ? [] : [beneficiaryStream(this.keys.keyOf(state.citizenId))]));
    await work.preload(keys, beneficiaryFold);
  }

  /**
   * The person's stream, or each listed household member's, decides what the application's
   * events mean for them; a member who already holds an equal or higher support of their own
   * leaves the household's amount (an event on the application) instead of refusing it.
   */
  private async decideForPeople(work: UnitOfWork, applicationStream: string, before: SupportApplication, events: SupportApplicationEvent[], key: string): Promise<BeneficiaryEvent[]> {
    const keyOf = (citizenId: string) => this.keys.keyOf(citizenId);
    const commands = beneficiaryCommandsFor(before, events, key, keyOf);
    const members = new Map((before.status === 'none' ? [] : (before.claim.members ?? [])).map((member) => [keyOf(member.citizenId), member.citizenId]));
    const all: BeneficiaryEvent[] = [];
    for (const command of commands) {
      const streamId = beneficiaryStream(command.data.beneficiaryKey);
      const state = await work.load(streamId, beneficiaryFold);
      const member = members.get(command.data.beneficiaryKey);
      if (member !== undefined && command.type === 'GrantSupport') {
        const { events: decided, excluded } = decideMemberGrant(command, state, this.programmes.catalog);
        if (excluded) {
          const household = work.append<SupportApplication>(applicationStream, []);
          work.append<SupportApplication>(applicationStream, [excludeMember(household, member, command.metadata.now)]);
        }
        work.append<Beneficiary>(streamId, decided);
        all.push(...decided);
        continue;
      }
      const decided: BeneficiaryEvent[] = decideBeneficiary(command, state, this.programmes.catalog);
      work.append<Beneficiary>(streamId, decided);
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
      // A household's share: only that member's share leaves it; the other members keep theirs.
      const member = lower.status === 'none' ? undefined : lower.claim.members?.find((candidate) => this.keys.keyOf(candidate.citizenId) === event.data.beneficiaryKey);
      if (member) {
        const excluded = excludeMember(lower, member.citizenId, event.data.supersededAt, event.data.supersededBy);
        work.append<SupportApplication>(lowerStream, [excluded]);
        higher = work.append<SupportApplication>(higherStream, [creditForMember(excluded)]);
        continue;
      }
      const superseded = supersede(lower, { applicationId: event.data.supersededBy, at: event.data.supersededAt });
      work.append<SupportApplication>(lowerStream, [superseded]);
      higher = work.append<SupportApplication>(higherStream, [creditFor(superseded)]);
    }
    return higher;
  }
}
