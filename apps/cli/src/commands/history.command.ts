import { supportApplicationStream } from '@lib/domain';
import { EventStore, PostgresEventStore, verifyChain } from '@lib/event-store';
import type { INestApplicationContext } from '@nestjs/common';

const VN_OFFSET_MS = 7 * 3_600_000;
const localTime = (iso: string) => new Date(new Date(iso).getTime() + VN_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 16);

const summary = (type: string, data: Record<string, any>): string => {
  switch (type) {
    case 'SupportApplicationSubmitted':
      return `submitted under ${data.programmeId} v${data.programmeVersion}, category ${data.category}, ${data.applicant.fullName} (${data.applicant.ward}), months ${data.claim.months.join(', ')}, claimed ${data.claimedAmount.toLocaleString('vi-VN')} ₫; steps: ${data.steps.join(' → ')}`;
    case 'SupportApplicationReviewed':
      return `${data.step}: confirmed${data.minutesRef ? ` (minutes ${data.minutesRef})` : ''}`;
    case 'SupportApplicationPosted':
      return `${data.step}: posted ${data.postedFrom} to ${data.postedUntil}${data.place ? ` at ${data.place}` : ''}`;
    case 'SupportApplicationApproved':
      return `${data.step}: approved ${data.approvedMonths.join(', ')} = ${data.approvedAmount.toLocaleString('vi-VN')} ₫`;
    case 'SupportApplicationDecided':
      return `${data.step}: completed${data.decisionNo ? `, decision ${data.decisionNo}` : ''}${data.reference && data.reference !== data.decisionNo ? ` (${data.reference})` : ''}`;
    case 'SupportApplicationRejected':
      return `${data.step}: REJECTED: ${data.reason}`;
    case 'SupportApplicationPaid':
      return `paid ${data.amount.toLocaleString('vi-VN')} ₫ by ${data.method}, reference ${data.reference}`;
    case 'SupportApplicationWithdrawn':
      return `withdrawn: ${data.reason}`;
    case 'SupportRecoveryOrdered':
      return `recovery ordered: ${data.amount.toLocaleString('vi-VN')} ₫: ${data.reason}`;
    case 'SupportRecovered':
      return `recovered ${data.amount.toLocaleString('vi-VN')} ₫: ${data.reason}`;
    default:
      return JSON.stringify(data);
  }
};

/** A readable timeline of one application: who did what, when (Vietnam time), and whether the chain holds. */
export const printHistory = async (app: INestApplicationContext, applicationId: string, out: (line: string) => void): Promise<boolean> => {
  const store = app.get(EventStore) as PostgresEventStore;
  const streamId = supportApplicationStream(applicationId);
  const events = await store.readStream(streamId);
  if (events.length === 0) {
    out(`no application ${applicationId}`);
    return false;
  }
  out(`Application ${applicationId}`);
  for (const event of events) {
    const who = `${event.metadata.actorId} (${event.metadata.role ?? '?'}${event.metadata.ward ? `, ${event.metadata.ward}` : ''})`;
    out(`  v${event.streamVersion}  ${localTime(event.recordedAt)}  ${who.padEnd(40)}  ${summary(event.type, event.data)}  #${event.hash.slice(0, 12)}`);
  }
  const broken = verifyChain(await store.readRawStream(streamId));
  out(broken ? `  hash chain BROKEN at version ${broken.streamVersion}: ${broken.problem}` : `  hash chain verified over ${events.length} events`);
  return broken === null;
};
