import { AppendCoalescer } from './append-coalescer';
import type { PreparedAppend } from './append-statement';

const append = (commandId: string, ...streams: string[]): PreparedAppend => ({
  commandId,
  resultJson: '{}',
  metadata: '{}',
  recordedAt: '2020-05-18T02:00:00.000Z',
  checks: streams.map((streamId) => ({ streamId, version: 0, hash: null, moves: true })),
  events: [],
  heads: {},
});

/** A statement runner that holds each statement until released, recording what went together. */
const heldStatements = () => {
  const statements: { ids: string[]; finish: (error?: Error) => void }[] = [];
  const run = (appends: PreparedAppend[]) =>
    new Promise<string[]>((resolve, reject) => {
      const ids = appends.map((item) => item.commandId);
      statements.push({ ids, finish: (error) => (error ? reject(error) : resolve(ids.map((id) => `done ${id}`))) });
    });
  return { statements, run };
};

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('AppendCoalescer', () => {
  it('sends a lone append at once, and groups what arrives while statements are in flight', async () => {
    const { statements, run } = heldStatements();
    const coalescer = new AppendCoalescer({ maxInFlight: 1, maxAppends: 64 }, run);
    const first = coalescer.submit(append('a', 's1'));
    const rest = ['b', 'c', 'd'].map((id, index) => coalescer.submit(append(id, `s${index + 2}`)));
    await flush();
    expect(statements.map((statement) => statement.ids)).toEqual([['a']]);
    statements[0].finish();
    expect(await first).toBe('done a');
    await flush();
    expect(statements.map((statement) => statement.ids)).toEqual([['a'], ['b', 'c', 'd']]);
    statements[1].finish();
    expect(await Promise.all(rest)).toEqual(['done b', 'done c', 'done d']);
  });

  it('keeps up to maxInFlight statements running and at most maxAppends in each', async () => {
    const { statements, run } = heldStatements();
    const coalescer = new AppendCoalescer({ maxInFlight: 2, maxAppends: 2 }, run);
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => coalescer.submit(append(id, `stream-${id}`)));
    await flush();
    expect(statements.map((statement) => statement.ids)).toEqual([['a'], ['b']]);
    statements[0].finish();
    await flush();
    expect(statements.map((statement) => statement.ids)).toEqual([['a'], ['b'], ['c', 'd']]);
    statements[1].finish();
    statements[2].finish();
    await flush();
    expect(statements.map((statement) => statement.ids)).toEqual([['a'], ['b'], ['c', 'd'], ['e', 'f']]);
    statements[3].finish();
    expect(await Promise.all(all)).toHaveLength(6);
  });

  it('never puts two appends of one stream, or of one command id, in a statement, and lets nothing overtake the one held back', async () => {
    const { statements, run } = heldStatements();
    const coalescer = new AppendCoalescer({ maxInFlight: 1, maxAppends: 64 }, run);
    const submitted = [
      coalescer.submit(append('blocker', 'z')),
      coalescer.submit(append('a', 'shared')),
      coalescer.submit(append('b', 'shared', 'other')),
      coalescer.submit(append('c', 'other')),
      coalescer.submit(append('a', 'elsewhere')),
      coalescer.submit(append('d', 'free')),
    ];
    await flush();
    statements[0].finish();
    await flush();
    // b waits for `shared`; c may not overtake b on `other`; the second `a` waits for the first.
    expect(statements[1].ids).toEqual(['a', 'd']);
    statements[1].finish();
    await flush();
    expect(statements[2].ids).toEqual(['b', 'a']);
    statements[2].finish();
    await flush();
    expect(statements[3].ids).toEqual(['c']);
    statements[3].finish();
    await expect(Promise.all(submitted)).resolves.toHaveLength(6);
  });

  it('fails every append of a statement that fails, and carries on with the next', async () => {
    const { statements, run } = heldStatements();
    const coalescer = new AppendCoalescer({ maxInFlight: 1, maxAppends: 64 }, run);
    const first = coalescer.submit(append('a', 's1'));
    const grouped = [coalescer.submit(append('b', 's2')), coalescer.submit(append('c', 's3'))];
    await flush();
    statements[0].finish();
    await first;
    await flush();
    statements[1].finish(new Error('connection lost'));
    for (const outcome of await Promise.allSettled(grouped)) expect(outcome).toMatchObject({ status: 'rejected', reason: new Error('connection lost') });
    const after = coalescer.submit(append('d', 's4'));
    await flush();
    statements[2].finish();
    expect(await after).toBe('done d');
  });
});
