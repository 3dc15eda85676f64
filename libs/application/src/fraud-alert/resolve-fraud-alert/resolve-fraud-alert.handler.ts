import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decide,
  evolveFraudAlert,
  fraudAlertStream,
  initialFraudAlert,
  resolveFraudAlert,
  supportApplicationStream,
  type FraudAlertEvent,
  type FraudAlertResolutions,
  type RecoveryOrderedByAlert,
} from '@lib/domain';
import { ProgrammeRegistry } from '@lib/platform';
import { StreamWriter } from '../../stream-writer/stream-writer';
import type { Fold } from '../../stream-writer/stream-store';
import type { UnitOfWork } from '../../stream-writer/unit-of-work';
import { supportApplicationFold } from '../../support-application/support-application-writer';
import { ResolveFraudAlertCommand, type ResolveFraudAlertResult } from './resolve-fraud-alert.command';

const fraudAlertFold: Fold<FraudAlertResolutions> = {
  initial: initialFraudAlert,
  evolve: (state, event) => evolveFraudAlert(state, event as unknown as FraudAlertEvent),
};

/**
 * Decides the resolution on the alert's stream and, for a confirmation with recovery, a
 * RecordSupportRecovery on each paid application through the domain's own decide; all in one
 * append, applications first, so readers of the log see the orders before the confirmation.
 */
@CommandHandler(ResolveFraudAlertCommand)
export class ResolveFraudAlertHandler implements ICommandHandler<ResolveFraudAlertCommand> {
  constructor(private readonly writer: StreamWriter, private readonly programmes: ProgrammeRegistry) {}

  execute(command: ResolveFraudAlertCommand): Promise<ResolveFraudAlertResult> {
    const { alert, outcome, note, orderRecovery, context } = command;
    return this.writer.execute(context, async (work, now) => {
      const streamId = fraudAlertStream(alert.id);
      const recoveries = outcome === 'confirmed' && orderRecovery ? await this.orderRecoveries(work, command, now) : [];
      const state = await work.load(streamId, fraudAlertFold, { pinned: true });
      const resolution = resolveFraudAlert(
        {
          type: 'ResolveFraudAlert',
          data: { alertId: alert.id, rule: alert.rule, applicationIds: alert.applicationIds, outcome, note, recoveryOrdered: recoveries },
          metadata: { actor: context.actor, now },
        },
        state,
      );
      work.actingAs('inspector');
      work.append(streamId, [resolution]);
      return { id: alert.id, status: outcome, version: work.versionOf(streamId), recoveryOrdered: recoveries };
    });
  }

  /** Thu hồi of what is paid and not yet ordered back, per application chosen (by default every one the alert names). */
  private async orderRecoveries(work: UnitOfWork, { alert, note, context, recoverFrom }: ResolveFraudAlertCommand, now: string): Promise<RecoveryOrderedByAlert[]> {
    const orders: RecoveryOrderedByAlert[] = [];
    const chosen = recoverFrom ? alert.applicationIds.filter((id) => recoverFrom.includes(id)) : alert.applicationIds;
    for (const applicationId of [...chosen].sort()) {
      const streamId = supportApplicationStream(applicationId);
      const state = await work.load(streamId, supportApplicationFold);
      if (state.status === 'none') continue;
      const amount = state.paidAmount - state.recoveryOrderedAmount;
      if (amount <= 0) continue;
      const reason = `fraud alert ${alert.rule} (${alert.id}) confirmed: ${note}`;
      work.append(streamId, decide({ type: 'RecordSupportRecovery', data: { applicationId, action: 'ordered', amount, reason }, metadata: { actor: context.actor, now } }, state, this.programmes.catalog));
      orders.push({ applicationId, amount });
    }
    return orders;
  }
}
