import { SingleBar, Presets } from 'cli-progress';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export interface ImportOptions {
  file: string;
  programme: string;
  category: string;
  ward: string;
  receivedOn?: string;
  url: string;
  token?: string;
  progress: boolean;
}

const CHUNK = 64 * 1024;

/** The multipart body of POST /imports, in chunks, so the upload's progress can be shown. */
const multipart = (boundary: string, fields: Record<string, string>, name: string, file: Buffer): Uint8Array[] => {
  const head = Object.entries(fields)
    .map(([key, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`)
    .join('');
  const parts: Uint8Array[] = [Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`)];
  for (let offset = 0; offset < file.length; offset += CHUNK) parts.push(file.subarray(offset, offset + CHUNK));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return parts;
};

/**
 * Uploads a spreadsheet to a running service's POST /imports (every row is decided there, as a
 * single intake), with a progress bar while the file goes up and while the rows are decided.
 * Exits non-zero on a refused file; prints the per-row report of refused rows.
 */
export const importSpreadsheet = async (options: ImportOptions): Promise<{ status: number; body: Record<string, unknown> }> => {
  const token = options.token ?? process.env.RELIEF_TOKEN;
  if (!token) throw new Error('give --token or set RELIEF_TOKEN (an intake officer of the ward)');
  const file = await readFile(options.file);
  const boundary = `relief-${randomUUID()}`;
  const fields: Record<string, string> = { programme: options.programme, category: options.category, ward: options.ward, ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}) };
  const parts = multipart(boundary, fields, basename(options.file), file);
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const bar = options.progress ? new SingleBar({ format: '{phase} |{bar}| {percentage}% {value}/{total} bytes', hideCursor: true }, Presets.shades_classic) : null;
  bar?.start(total, 0, { phase: 'uploading' });
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts.shift();
      if (!part) {
        // Uploaded: the service now decides every row; the bar waits full until it answers.
        bar?.update(total, { phase: 'deciding rows' });
        controller.close();
        return;
      }
      sent += part.length;
      bar?.update(sent, { phase: 'uploading' });
      controller.enqueue(new Uint8Array(part));
    },
  });
  try {
    const response = await fetch(new URL('/imports', options.url), {
      method: 'POST',
      // The command's own lines are English: the report's row messages come in English too.
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(total), 'Accept-Language': 'en' },
      body,
      duplex: 'half',
    } as RequestInit);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } finally {
    bar?.stop();
  }
};
