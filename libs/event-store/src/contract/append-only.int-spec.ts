import { randomUUID } from 'node:crypto';
import type { StoreTestDatabase as TestDatabase } from '../testing/store-fixtures';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { createSuiteDatabase, EMPTY, single, storeOn, uniqueStream, noted } from '../testing/store-fixtures';

// jest.config.js sets testTimeout on the integration project, where Jest ignores it; this is that intended hang guard.
jest.setTimeout(60_000);

describe('append-only, enforced by PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let streamId: string;
  let commandId: string;

  const snapshot = async () => ({
    events: (await db.pool.query(`SELECT * FROM events ORDER BY global_position`)).rows,
    commands: (await db.pool.query(`SELECT * FROM processed_commands ORDER BY command_id`)).rows,
  });

  beforeAll(async () => {
    db = await createSuiteDatabase('store_append_only', 3);
    store = storeOn(db.pool);
    streamId = uniqueStream('immutable');
    commandId = randomUUID();
    await store.append(single(streamId, EMPTY, [noted('one'), noted('two')], { commandId, result: { kept: true } }));
  });
  afterAll(async () => {
    await db?.drop();
  });

  const refusal = (operation: string) => ({ code: '42501', message: `events are append-only: ${operation} is not allowed` });

  it.each([
    ['UPDATE', `UPDATE events SET data = '{"subject":"forged"}' WHERE stream_id = $1`, true],
    ['UPDATE', `UPDATE events SET hash = 'x'`, false],
    ['DELETE', `DELETE FROM events WHERE stream_id = $1 AND stream_version = 2`, true],
    ['DELETE', `DELETE FROM events`, false],
    ['TRUNCATE', `TRUNCATE events`, false],
    ['TRUNCATE', `TRUNCATE events, processed_commands`, false],
  ])('events: %s (%s) is rejected and changes nothing', async (operation, sql, withStream) => {
    const before = await snapshot();
    await expect(db.pool.query(sql, withStream ? [streamId] : [])).rejects.toMatchObject(refusal(operation));
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['UPDATE', `UPDATE processed_commands SET result = '{"kept":false}' WHERE command_id = $1`],
    ['DELETE', `DELETE FROM processed_commands WHERE command_id = $1`],
  ])('processed_commands: %s is rejected, so a command cannot be replayed or its result rewritten', async (operation, sql) => {
    const before = await snapshot();
    await expect(db.pool.query(sql, [commandId])).rejects.toMatchObject(refusal(operation));
    expect(await snapshot()).toEqual(before);
    expect(await store.findCommand(commandId)).toEqual({ kept: true });
  });

  it('inside a transaction the refusal aborts the whole transaction', async () => {
    const before = await snapshot();
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO processed_commands (command_id, result) VALUES ($1, '{}')`, [randomUUID()]);
      await expect(client.query(`DELETE FROM events WHERE stream_id = $1`, [streamId])).rejects.toMatchObject(refusal('DELETE'));
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('appending still works after every refusal', async () => {
    const head = (await store.readStream(streamId)).at(-1)!;
    await store.append(single(streamId, { version: head.streamVersion, hash: head.hash }, [noted('three')]));
    expect((await store.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2, 3]);
  });
});
