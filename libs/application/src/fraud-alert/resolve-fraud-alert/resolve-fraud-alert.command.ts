import { Command } from '@nestjs/cqrs';
import type { RecoveryOrderedByAlert } from '@lib/domain';
import type { CommandContext } from '../../command-context';

export interface AlertSnapshot {
  id: string;
  rule: string;
  /** The applications the alert names as the inspector saw it. */
  applicationIds: string[];
}

export interface ResolveFraudAlertResult {
  id: string;
  status: 'confirmed' | 'dismissed';
  version: number;
  recoveryOrdered: RecoveryOrderedByAlert[];
}

/**
 * An inspector confirms or dismisses an alert with a note. A confirmation may order recovery
 * (thu hồi) of what is paid and not yet ordered back, in the same append: on the applications
 * the inspector chose (`recoverFrom`, some of those the alert names), or on every one it names.
 */
export class ResolveFraudAlertCommand extends Command<ResolveFraudAlertResult> {
  constructor(
    readonly alert: AlertSnapshot,
    readonly outcome: 'confirmed' | 'dismissed',
    readonly note: string,
    readonly orderRecovery: boolean,
    readonly context: CommandContext,
    readonly recoverFrom?: readonly string[],
  ) {
    super();
  }
}
