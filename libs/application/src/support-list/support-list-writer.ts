import { createHash } from 'node:crypto';
import {
  compileSupportList,
  DomainError,
  evolveProvincialDecision,
  evolveSupportList,
  initialProvincialDecision,
  initialSupportList,
  listStepDefinition,
  ListStepRefused,
  performListStep,
  provincialDecisionStream,
  recordProvincialDecision,
  supportApplicationStream,
  supportListStream,
  type Actor,
  type CompileSupportList,
  type ListExclusion,
  type ListRefusal,
  type PerformListStep,
  type ProvincialDecision,
  type ProvincialDecisionEvent,
  type RecordProvincialDecision,
  type SupportApplication,
  type SupportList,
  type SupportListEvent,
} from '@lib/domain';
import type { ProgrammeRegistry } from '@lib/platform';
import type { CommandContext } from '../command-context';
import type { Fold } from '../stream-writer/stream-store';
import type { StreamWriter } from '../stream-writer/stream-writer';
import type { UnitOfWork } from '../stream-writer/unit-of-work';
import { supportApplicationFold, type SupportApplicationWriter } from '../support-application/support-application-writer';

export const supportListFold: Fold<SupportList> = {
  initial: initialSupportList,
  evolve: (state, event) => evolveSupportList(state, event as unknown as SupportListEvent),
};

export const provincialDecisionFold: Fold<ProvincialDecision> = {
  initial: initialProvincialDecision,
  evolve: (state, event) => evolveProvincialDecision(state, event as unknown as ProvincialDecisionEvent),
};

export interface ListActResult {
  id: string;
  status: string;
  version: number;
  applied: number;
  excluded: number;
}

export interface DecisionResult {
  id: string;
  status: string;
  version: number;
  applied: number;
}

export type CompileListData = CompileSupportList['data'];
/** What the list's step carries to each application: months at an approval, the dates of a posting. */
export type ListStepData = Omit<PerformListStep['data'], 'decisionId' | 'listId'> & { approvedMonths?: string[]; postedFrom?: string; postedUntil?: string };
export type DecisionData = Omit<RecordProvincialDecision['data'], 'decisionId'>;

/**
 * One decision number of a programme is one decision: its id is derived from both, so the same
 * number recorded twice lands on the same stream and the second is refused.
 */
export const decisionIdOf = (programmeId: string, decisionNo: string): string => {
  const hex = createHash('sha256').update(`${programmeId}\n${decisionNo.trim()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * Lists and decisions: an office's act on many applications at once. Every application on a
 * list is decided by the application decider, exactly as its own step would be, in the one
 * unit of work of the list's command, so the whole act is one append: all of it or none.
 */
export class SupportListWriter {
  constructor(
    private readonly writer: StreamWriter,
    private readonly applications: SupportApplicationWriter,
    private readonly programmes: Pick<ProgrammeRegistry, 'catalog'>,
  ) {}

  compile(data: CompileListData, context: CommandContext) {
    return this.writer.execute(context, async (work, now) => {
      const streamId = supportListStream(data.listId);
      const list = await work.load(streamId, supportListFold, { pinned: true });
      const members = await this.loadApplications(work, data.applicationIds);
      const command: CompileSupportList = { type: 'CompileSupportList', data, metadata: { actor: context.actor, now } };
      const event = compileSupportList(command, list, members, this.programmes.catalog);
      work.actingAs(listStepDefinition(this.programmes.catalog, data.programmeId, data.category, data.step).role);
      work.append(streamId, [event]);
      return { id: data.listId, status: 'open', version: work.versionOf(streamId) };
    });
  }

  act(listId: string, data: ListStepData, context: CommandContext): Promise<ListActResult> {
    return this.writer.execute(context, async (work, now) => {
      const list = await work.load(supportListStream(listId), supportListFold, { pinned: true });
      const { result, refusals } = await this.actOn(work, listId, list, data, context.actor, now);
      if (refusals.length > 0) throw new ListStepRefused(refusals);
      return result;
    });
  }

  decide(data: DecisionData, context: CommandContext): Promise<DecisionResult> {
    return this.writer.execute(context, async (work, now) => {
      const decisionId = decisionIdOf(data.programmeId, data.decisionNo);
      const streamId = provincialDecisionStream(decisionId);
      const decision = await work.load(streamId, provincialDecisionFold, { pinned: true });
      await work.preload(data.listIds.map(supportListStream), supportListFold);
      const lists = await Promise.all(data.listIds.map(async (listId) => ({ listId, state: await work.load(supportListStream(listId), supportListFold) })));
      const command: RecordProvincialDecision = { type: 'RecordProvincialDecision', data: { ...data, decisionId }, metadata: { actor: context.actor, now } };
      const event = recordProvincialDecision(command, decision, lists, this.programmes.catalog);
      // Every application of every list read ahead at once, then decided one by one.
      await this.preloadApplications(work, lists.flatMap(({ state }) => (state.status === 'none' ? [] : state.applicationIds)));
      const refusals: ListRefusal[] = [];
      for (const { listId, state } of lists) {
        if (state.status === 'none') continue;
        const step = { step: state.step, decisionNo: event.data.decisionNo, decisionId };
        refusals.push(...(await this.actOn(work, listId, state, step, context.actor, now)).refusals);
      }
      if (refusals.length > 0) throw new ListStepRefused(refusals);
      work.carry({ decisionNo: event.data.decisionNo });
      work.actingAs('province-approver');
      work.append(streamId, [event]);
      return { id: decisionId, status: 'recorded', version: work.versionOf(streamId), applied: event.data.applied };
    });
  }

  /**
   * The list's step for each of its applications, in this unit of work: included ones take it,
   * excluded ones are rejected with their reasons. Refusals are collected, not thrown one by one,
   * so the office learns every application that stands in the way at once.
   */
  private async actOn(
    work: UnitOfWork,
    listId: string,
    list: SupportList,
    data: ListStepData & { decisionId?: string },
    actor: Actor,
    now: string,
  ): Promise<{ result: ListActResult; refusals: ListRefusal[] }> {
    const { approvedMonths, postedFrom, postedUntil, ...listData } = data;
    const command: PerformListStep = { type: 'PerformListStep', data: { ...listData, listId }, metadata: { actor, now } };
    const act = performListStep(command, list, this.programmes.catalog);
    const decisionNo = act.event.data.decisionNo;
    const carried = { listId, ...(decisionNo ? { decisionNo } : {}) };
    await this.preloadApplications(work, [...act.included, ...act.excluded.map((exclusion) => exclusion.applicationId)]);
    const refusals: ListRefusal[] = [];
    const perform = async (applicationId: string, outcome: { outcome: 'completed' } | { outcome: 'rejected'; reason: string }) => {
      work.carry(carried);
      try {
        await this.applications.decide(
          work,
          applicationId,
          {
            type: 'PerformSupportStep',
            data: { applicationId, step: act.event.data.step, reference: act.event.data.reference, decisionNo, ...(approvedMonths ? { approvedMonths } : {}), ...(postedFrom ? { postedFrom } : {}), ...(postedUntil ? { postedUntil } : {}), ...outcome },
            metadata: { actor, now },
          },
          { pinned: false },
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusals.push({ applicationId, code: error.code, key: error.key, params: error.params });
      }
    };
    for (const applicationId of act.included) await perform(applicationId, { outcome: 'completed' });
    for (const { applicationId, reason } of act.excluded as ListExclusion[]) await perform(applicationId, { outcome: 'rejected', reason });
    work.carry(carried);
    work.actingAs(act.role);
    const streamId = supportListStream(listId);
    work.append(streamId, [act.event]);
    work.carry(null);
    return {
      result: { id: listId, status: 'completed', version: work.versionOf(streamId), applied: act.included.length, excluded: act.excluded.length },
      refusals,
    };
  }

  private async loadApplications(work: UnitOfWork, applicationIds: readonly string[]) {
    await work.preload(applicationIds.map(supportApplicationStream), supportApplicationFold);
    return Promise.all(applicationIds.map(async (applicationId) => ({ applicationId, state: await work.load(supportApplicationStream(applicationId), supportApplicationFold) })));
  }

  /** The applications and their people's streams, read ahead (a few at a time) of deciding each. */
  private async preloadApplications(work: UnitOfWork, applicationIds: readonly string[]): Promise<void> {
    const members = await this.loadApplications(work, applicationIds);
    await this.applications.preloadPeople(work, members.map(({ state }) => state as SupportApplication));
  }
}
