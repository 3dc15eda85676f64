import { Readable, Transform } from 'node:stream';
import type { DataSource } from 'typeorm';
import { csvRow } from './csv';

/**
 * Rows of a query as a CSV stream read through a database cursor, so a province-sized export
 * never sits in memory; backpressure from the HTTP response pauses the cursor. The connection
 * goes back to the pool when the stream ends, fails or is abandoned by the client.
 */
export const csvStream = async (
  dataSource: DataSource,
  header: readonly string[],
  sql: string,
  parameters: unknown[],
  toValues: (record: Record<string, unknown>) => unknown[],
): Promise<Readable> => {
  const runner = dataSource.createQueryRunner('slave');
  await runner.connect();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    void runner.release();
  };
  try {
    const rows = await runner.stream(sql, parameters, release, release);
    const csv = new Transform({
      writableObjectMode: true,
      transform(record: Record<string, unknown>, _encoding, done) {
        done(null, csvRow(toValues(record)));
      },
    });
    csv.push(csvRow(header));
    rows.on('error', (error) => csv.destroy(error));
    csv.on('close', () => {
      (rows as Readable).destroy();
      release();
    });
    return rows.pipe(csv);
  } catch (error) {
    release();
    throw error;
  }
};
