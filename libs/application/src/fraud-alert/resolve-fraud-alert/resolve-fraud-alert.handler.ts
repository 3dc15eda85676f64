import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decide,
  evolve,
  evolveFraudAlert,
  fraudAlertStream,
  initialFraudAlert,
  initialState,
  resolveFraudAlert,
  type FraudAlertEvent,
  type RecoveryOrderedByAlert,
  type SupportApplicationEvent,
} from '@lib/domain';
import { ConcurrencyError, EventStore, headOf, type StreamAppend } from '@lib/event-store';
import { supportApplicationStream } from '../../shared/beneficiary-keys';
import { Clock } from '../../shared/clock';
import { TooMuchContention, VersionMismatch } from '../../shared/command-context';
import { ProgrammeRegistry } from '../../shared/programme-registry';
import { ResolveFraudAlertCommand, type ResolveFraudAlertResult } from './resolve-fraud-alert.command';

const MAX_ATTEMPTS = 8;

/**
 * Decides the resolution on the alert's stream and, for a confirmation with recovery, a
 * RecordSupportRecovery on each paid application through the domain's own decide; all go in one
 * append, applications first, so readers of the log see the orders before the confirmation.
 */
@CommandHandler(ResolveFraudAlertCommand)
export class ResolveFraudAlertHandler implements ICommandHandler<ResolveFraudAlertCommand> {
  constructor(private readonly store: EventStore, private readonly programmes: ProgrammeRegistry, private readonly clock: Clock) {}

  async execute({ alert, outcome, note, orderRecovery, context }: ResolveFraudAlertCommand): Promise<ResolveFraudAlertResult> {
    const previous = await this.store.findCommand(context.commandId);
    if (previous) return previous as ResolveFraudAlertResult;
    const streamId = fraudAlertStream(alert.id);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const now = context.at ?? this.clock.now();
      const history = await this.store.readStream(streamId);
      const head = headOf(history);
      if (context.expectedVersion !== undefined && context.expectedVersion !== head.version) throw new VersionMismatch(context.expectedVersion, head.version);
      const state = history.reduce((folded, event) => evolveFraudAlert(folded, event as unknown as FraudAlertEvent), initialFraudAlert());
      const recoveries = outcome === 'confirmed' && orderRecovery ? await this.recoveries(alert, note, context, now) : [];
      const resolution = resolveFraudAlert(
        {
          type: 'ResolveFraudAlert',
          data: { alertId: alert.id, rule: alert.rule, applicationIds: alert.applicationIds, outcome, note, recoveryOrdered: recoveries.map((r) => r.order) },
          metadata: { actor: context.actor, now },
        },
        state,
      );
      const result: ResolveFraudAlertResult = { id: alert.id, status: outcome, version: head.version + 1, recoveryOrdered: recoveries.map((r) => r.order) };
      const appends: StreamAppend[] = [...recoveries.map((r) => r.append), { streamId, expected: head, events: [resolution] }];
      try {
        const appended = await this.store.append({
          commandId: context.commandId,
          recordedAt: now,
          metadata: { actorId: context.actor.id, role: 'inspector', ward: context.actor.ward, correlationId: context.correlationId, causationId: context.commandId },
          appends,
          result,
        });
        return appended.result as ResolveFraudAlertResult;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        if (error.streamId === streamId && context.expectedVersion !== undefined) throw new VersionMismatch(context.expectedVersion, head.version + 1);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
    throw new TooMuchContention(streamId, MAX_ATTEMPTS);
  }

  /** Thu hồi of what is paid and not yet ordered back, per application the alert names. */
  private async recoveries(alert: ResolveFraudAlertCommand['alert'], note: string, context: ResolveFraudAlertCommand['context'], now: string) {
    const orders: { order: RecoveryOrderedByAlert; append: StreamAppend }[] = [];
    for (const applicationId of [...alert.applicationIds].sort()) {
      const streamId = supportApplicationStream(applicationId);
      const history = await this.store.readStream(streamId);
      const state = history.reduce((folded, event) => evolve(folded, event as unknown as SupportApplicationEvent), initialState());
      if (state.status === 'none') continue;
      const amount = state.paidAmount - state.recoveryOrderedAmount;
      if (amount <= 0) continue;
      const events = decide(
        { type: 'RecordSupportRecovery', data: { applicationId, action: 'ordered', amount, reason: `fraud alert ${alert.rule} (${alert.id}) confirmed: ${note}` }, metadata: { actor: context.actor, now } },
        state,
        this.programmes.catalog,
      );
      orders.push({ order: { applicationId, amount }, append: { streamId, expected: headOf(history), events } });
    }
    return orders;
  }
}
