import { Logger, StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';

const logger = new Logger('CsvExport');

/**
 * A CSV export as the response body. The stream was checked up to its first chunk before this
 * (a failure there is an error answer); a failure after the first bytes is logged as an error
 * and the connection is cut without ending the chunked body, so the client knows the file is
 * incomplete instead of keeping a truncated one that looks whole.
 */
export const csvFile = (stream: Readable, what: string): StreamableFile => {
  stream.once('error', (error) => logger.error({ err: error }, `${what}: the export failed after its first bytes; the response is aborted, the file the client holds is incomplete`));
  return new StreamableFile(stream).setErrorHandler((_error, response) => {
    const raw = (response as { raw?: { destroy(): void } }).raw ?? (response as unknown as { destroy?(): void });
    raw.destroy?.();
  });
};
