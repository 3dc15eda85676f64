import { randomUUID } from 'node:crypto';
import { START, type EventStore } from '@lib/event-store';

/** `commands` commands of `perCommand` withdrawals each, each on a stream of its own: the projector's tests' log. */
export const appendWithdrawals = async (store: EventStore, commands: number, perCommand: number): Promise<void> => {
  for (let command = 0; command < commands; command++) {
    await store.append({
      commandId: randomUUID(),
      recordedAt: '2020-05-18T02:00:00.000Z',
      metadata: { actorId: 'officer', role: null, ward: null, correlationId: 'c', causationId: null },
      appends: Array.from({ length: perCommand }, () => ({
        streamId: `support-application-${randomUUID()}`,
        expected: { version: 0, hash: null },
        events: [{ type: 'SupportApplicationWithdrawn', data: { reason: 'test' } }],
      })),
      result: {},
    });
  }
};

/**
 * Waits until the whole log can be read: the gap-safe reader holds events back while an older
 * transaction is open on the server (other suites'), and a catch-up would stop short of them.
 */
export const untilReadable = async (store: EventStore, events: number): Promise<void> => {
  const giveUp = Date.now() + 30_000;
  while ((await store.readAll(START, events)).events.length < events && Date.now() < giveUp) await new Promise((resolve) => setTimeout(resolve, 20));
};
