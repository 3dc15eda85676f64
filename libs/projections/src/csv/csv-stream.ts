import { PassThrough, Readable, Transform } from 'node:stream';
import type { DataSource } from 'typeorm';
import { csvRow } from './csv';

/**
 * Resolves once the stream has produced its first chunk (the header and the first row, or the
 * header alone when the query is empty) and rejects if it fails before: a query that fails at
 * once is then an error answer (problem+json), not a 200 with a header and a cut connection.
 * A failure after that point arrives as an error on the returned stream.
 */
const firstChunkRead = (source: Readable): Promise<Readable> =>
  new Promise((resolve, reject) => {
    const output = new PassThrough();
    let first: Buffer | string | null = null;
    const onError = (error: Error) => {
      if (first === null) reject(error);
      else output.destroy(error);
    };
    source.on('error', onError);
    source.once('data', (chunk: Buffer | string) => {
      source.pause();
      first = chunk;
      output.write(chunk);
      source.pipe(output);
      resolve(output);
    });
    // An abandoned response closes the output: stop the query and give the connection back.
    output.on('close', () => {
      if (!source.readableEnded) source.destroy();
    });
  });

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
    // The header leaves with the first row, so the first chunk proves the query and the row writer work.
    let headerSent = false;
    const withHeader = (text: string) => {
      if (headerSent) return text;
      headerSent = true;
      return csvRow(header) + text;
    };
    const csv = new Transform({
      writableObjectMode: true,
      transform(record: Record<string, unknown>, _encoding, done) {
        try {
          done(null, withHeader(csvRow(toValues(record))));
        } catch (error) {
          done(error as Error);
        }
      },
      flush(done) {
        done(null, withHeader(''));
      },
    });
    rows.on('error', (error) => csv.destroy(error));
    csv.on('close', () => {
      (rows as Readable).destroy();
      release();
    });
    return await firstChunkRead(rows.pipe(csv));
  } catch (error) {
    release();
    throw error;
  }
};
