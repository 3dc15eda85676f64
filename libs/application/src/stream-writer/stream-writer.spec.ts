import type { AppendOutcome, AppendRequest, CommandBinding } from '@lib/event-store';
import type { CommandContext } from '../command-context';
import type { Fold, LoadedStream, StreamStore } from './stream-store';
import { StreamWriter } from './stream-writer';

const clock = { now: () => '2020-05-18T02:00:00.000Z' };
const paidFold: Fold<{ paid: boolean }> = { initial: () => ({ paid: false }), evolve: () => ({ paid: true }) };
const binding: CommandBinding = { issuedBy: 'treasurer-mai', route: 'POST /applications/:id/payment', target: 'a', bodyHash: 'h' };
const context = (commandId: string, extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'treasurer-mai', roles: ['treasurer'], ward: 'W01' },
  commandId,
  binding,
  correlationId: 'c',
  ...extra,
});

/**
 * The interleaving CI met under twelve parallel requests with one Idempotency-Key: this request's
 * first-use lookup runs before the winning request (same key, same payment) commits, and its read
 * of the stream after: the stream is already paid, so the decision refuses.
 */
class RacedStreams implements StreamStore {
  record: { result: object; binding: CommandBinding | null } | null = null;
  paid = false;
  lookups = 0;
  commits = 0;

  constructor(private readonly winnerCommitsBeforeRead: boolean, private readonly failingLookup = false) {}

  async findCommand(): Promise<object | null> {
    return this.record?.result ?? null;
  }

  async findCommandRecord(): Promise<{ result: object; binding: CommandBinding | null } | null> {
    this.lookups += 1;
    if (this.lookups > 1 && this.failingLookup) throw new Error('connection lost');
    return this.record;
  }

  async load<S>(_streamId: string, fold: Fold<S>): Promise<LoadedStream<S>> {
    if (this.winnerCommitsBeforeRead) {
      this.record = { result: { id: 'a', version: 4 }, binding };
      this.paid = true;
    }
    return { state: (this.paid ? { paid: true } : fold.initial()) as S, head: { version: this.paid ? 4 : 3, hash: null } };
  }

  async commit(request: AppendRequest): Promise<AppendOutcome> {
    this.commits += 1;
    return { duplicate: false, result: request.result, positions: [], heads: {} };
  }
}

const pay = (writer: StreamWriter, commandId: string, extra: Partial<CommandContext> = {}) =>
  writer.execute(context(commandId, extra), async (work) => {
    const state = await work.load('support-application-a', paidFold, { pinned: true });
    if (state.paid) throw new Error('already paid');
    work.append('support-application-a', [{ type: 'SupportApplicationPaid', data: {} }]);
    return { id: 'a', version: 4 };
  });

describe('StreamWriter: a repeated command refused by its decision', () => {
  it('looks the command up again and answers the first result when it committed meanwhile', async () => {
    const streams = new RacedStreams(true);
    await expect(pay(new StreamWriter(streams, clock), 'treasurer-mai:pay-race-0001')).resolves.toEqual({ id: 'a', version: 4 });
    expect(streams.lookups).toBe(2);
    expect(streams.commits).toBe(0);
  });

  it('keeps the refusal when the command was never carried out', async () => {
    const streams = new RacedStreams(false);
    streams.paid = true;
    await expect(pay(new StreamWriter(streams, clock), 'treasurer-mai:pay-0002')).rejects.toThrow('already paid');
    expect(streams.lookups).toBe(2);
  });

  it('keeps the refusal when the second lookup fails', async () => {
    const streams = new RacedStreams(false, true);
    streams.paid = true;
    await expect(pay(new StreamWriter(streams, clock), 'treasurer-mai:pay-0003')).rejects.toThrow('already paid');
  });

  it('does not look up a command id made for the request (nothing can have used it)', async () => {
    const streams = new RacedStreams(false);
    streams.paid = true;
    await expect(pay(new StreamWriter(streams, clock), 'fresh-1', { freshCommandId: 'fresh-1', binding: undefined })).rejects.toThrow('already paid');
    expect(streams.lookups).toBe(0);
  });
});
