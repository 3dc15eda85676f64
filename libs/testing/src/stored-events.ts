import type { StoredEvent } from '@lib/event-store';

let nextPosition = 1;

/**
 * Domain events as the store would give them back, for projection specs: stream versions
 * counted from `fromVersion`, global positions increasing across calls, metadata of a test actor.
 */
export const asStored = (
  events: readonly { type: string; data: object }[],
  { streamId, fromVersion = 1, recordedAt = '2020-06-01T02:00:00.000Z' }: { streamId?: string; fromVersion?: number; recordedAt?: string } = {},
): StoredEvent[] =>
  events.map((event, i) => {
    const position = nextPosition++;
    const applicationId = (event.data as { applicationId?: string }).applicationId;
    return {
      position,
      transactionId: String(position),
      eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      streamId: streamId ?? `support-application-${applicationId}`,
      streamVersion: fromVersion + i,
      type: event.type,
      storedSchemaVersion: 1,
      data: event.data,
      metadata: { actorId: 'test', role: null, ward: null, commandId: `c-${position}`, correlationId: `c-${position}`, causationId: null },
      recordedAt,
      hash: '0'.repeat(64),
    };
  });
