import type { SupportApplicationEvent } from '../support-application/support-application.events';
import type { SupportApplication } from '../support-application/support-application.state';
import type { BeneficiaryCommand } from './beneficiary';

/**
 * What an application's new events mean for the person's beneficiary stream: an approval
 * holds the support; a later rejection or withdrawal gives it back. The handler appends both
 * streams in one transaction.
 */
export const beneficiaryCommandsFor = (
  before: SupportApplication,
  events: readonly SupportApplicationEvent[],
  beneficiaryKey: string,
  keyOf?: (citizenId: string) => string,
): BeneficiaryCommand[] => {
  if (before.status === 'none') return [];
  // An employer loan (category 8) is lent to the employer, not held by its representative or its
  // workers as a support; a worker also supported in category 1 for the month is F19's to flag.
  if (before.claim.workers) return [];
  // A household claim that lists its members: each member is the beneficiary of an equal share.
  const members = keyOf && before.claim.members?.length ? before.claim.members.filter((member) => !before.excludedMembers?.includes(member.citizenId)) : null;
  if (members) {
    const each = (beneficiary: string) => beneficiaryCommandsFor(before, events, beneficiary).map((command) => share(command, before.claim.members!.length));
    return members.flatMap((member) => each(keyOf!(member.citizenId)));
  }
  const commands: BeneficiaryCommand[] = [];
  for (const event of events) {
    if (event.type === 'SupportApplicationApproved') {
      commands.push({
        type: 'GrantSupport',
        data: {
          beneficiaryKey,
          applicationId: before.applicationId,
          programmeId: before.programmeId,
          programmeVersion: before.programmeVersion,
          category: before.category,
          months: event.data.approvedMonths,
          amount: event.data.approvedAmount,
          ward: before.ward,
        },
        metadata: { actorId: event.data.approvedBy, now: event.data.approvedAt },
      });
    }
    if (event.type === 'SupportApplicationDecided' && event.data.approvedMonths && event.data.approvedAmount !== undefined) {
      commands.push({
        type: 'AmendSupport',
        data: { beneficiaryKey, applicationId: before.applicationId, months: event.data.approvedMonths, amount: event.data.approvedAmount },
        metadata: { actorId: event.data.decidedBy, now: event.data.decidedAt },
      });
    }
    const released = event.type === 'SupportApplicationRejected' || event.type === 'SupportApplicationWithdrawn';
    if (released && before.approvedMonths) {
      const by = event.type === 'SupportApplicationRejected' ? event.data.rejectedBy : event.data.withdrawnBy;
      const at = event.type === 'SupportApplicationRejected' ? event.data.rejectedAt : event.data.withdrawnAt;
      commands.push({
        type: 'ReleaseSupport',
        data: { beneficiaryKey, applicationId: before.applicationId, reason: event.type === 'SupportApplicationRejected' ? 'rejected' : 'withdrawn' },
        metadata: { actorId: by, now: at },
      });
    }
  }
  return commands;
};

/** A member's command carries their share of the household amount, not the whole. */
const share = (command: BeneficiaryCommand, members: number): BeneficiaryCommand =>
  command.type === 'ReleaseSupport' ? command : { ...command, data: { ...command.data, amount: command.data.amount / members } } as BeneficiaryCommand;
