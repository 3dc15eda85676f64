import { randomUUID } from 'node:crypto';
import { EventStore, headOf, type AppendOutcome, type NewEvent } from '@lib/event-store';

export interface LegacyStream {
  streamId: string;
  events: NewEvent[];
}

/**
 * Appends events as recorded elsewhere (a legacy system's export, data written before a rule
 * existed), bypassing `decide`: history is a fact even when today's rules would refuse it. The
 * detectors must catch in such history what the decider refuses up front. All streams go in one
 * statement, after whatever each already holds.
 */
export const importLegacyEvents = async (
  store: EventStore,
  streams: readonly LegacyStream[],
  { recordedAt, importedBy = 'legacy-import' }: { recordedAt: string; importedBy?: string },
): Promise<AppendOutcome> => {
  const appends = await Promise.all(streams.map(async ({ streamId, events }) => ({ streamId, expected: headOf(await store.readStream(streamId)), events })));
  const commandId = randomUUID();
  return store.append({
    commandId,
    recordedAt,
    metadata: { actorId: importedBy, role: null, ward: null, correlationId: commandId, causationId: null },
    appends,
    result: { imported: streams.length },
  });
};
