import { Presets, SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { PostgresEventStore } from '@lib/event-store';
import { DEFAULT_DATABASE_URL, ProgrammeRegistry, createEventTypeRegistry, loadPublicKeys, readAnchorFiles, type AppConfig, type AnchorFromFile } from '@lib/platform';
import { AnchorVerifier, ReadModelComparison, Verifier, createDataSource, mismatchSubject, queryableOf, registeredProjections, type Mismatch } from '@lib/projections';

export type Language = 'en' | 'vi';

export interface VerifyOptions {
  progress: boolean;
  /** Anchor files or folders (`--anchors`), checked with the keys named by `--public-key`. */
  anchors: string[];
  publicKeys: string[];
  lang: Language;
}

/** A usage error: said in one line, exit code 2. */
export class VerifyUsage extends Error {}

const summary = {
  en: (s: Record<string, number>) =>
    `verified ${s.events} events in ${s.streams} streams; ${s.applications} applications compared with their read-model rows; ` +
    `${s.tables} read-model tables (${s.rows} rows) compared with a fresh fold of the log; ` +
    `${s.anchors === undefined ? 'no anchors given (--anchors)' : `${s.anchors} anchors checked, covering ${s.covered} events`}; ${s.mismatches} mismatches`,
  vi: (s: Record<string, number>) =>
    `đã kiểm tra ${s.events} sự kiện trong ${s.streams} luồng; ${s.applications} hồ sơ đối chiếu với bảng đọc; ` +
    `${s.tables} bảng đọc (${s.rows} dòng) đối chiếu với bản dựng lại từ sổ sự kiện; ` +
    `${s.anchors === undefined ? 'không có mốc neo (--anchors)' : `${s.anchors} mốc neo, bao gồm ${s.covered} sự kiện`}; ${s.mismatches} điểm không khớp`,
};

const verdict = {
  en: (ok: boolean) => (ok ? 'OK: nothing was altered' : 'FAILED: the ledger does not verify'),
  vi: (ok: boolean) => (ok ? 'ĐẠT: không có gì bị thay đổi' : 'KHÔNG ĐẠT: sổ cái không được xác minh'),
};

/** The operator's anchors and keys, read before touching the database: a bad file is a usage error. */
const readAnchorsAndKeys = (options: VerifyOptions): { files: AnchorFromFile[]; keys: ReturnType<typeof loadPublicKeys> } | null => {
  if (options.anchors.length === 0) {
    if (options.publicKeys.length > 0) throw new VerifyUsage('--public-key names keys for --anchors; give the anchors to check too');
    return null;
  }
  if (options.publicKeys.length === 0) {
    throw new VerifyUsage('--anchors needs --public-key: name the keys you trust (a PEM file, or the body of GET /anchors/keys saved as a file); a key is never taken from the anchors themselves');
  }
  const keys = new Map();
  for (const file of options.publicKeys) for (const [id, key] of loadPublicKeys(file)) keys.set(id, key);
  const files = options.anchors.flatMap((path) => readAnchorFiles(path));
  if (files.length === 0) throw new VerifyUsage(`no anchors in ${options.anchors.join(', ')}`);
  return { files, keys };
};

/**
 * Exit code 0 only when every chain holds, every read model equals a fresh fold of the log, and
 * (with --anchors) the log matches every anchor given.
 */
export const verify = async (config: AppConfig, options: VerifyOptions, out: (line: string) => void): Promise<boolean> => {
  const anchoring = readAnchorsAndKeys(options);
  const url = config.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const dataSource = createDataSource(url, 3);
  await dataSource.initialize();
  const pool = new Pool({ connectionString: url, max: 2 });
  const bar = new SingleBar({ format: 'verifying |{bar}| {value}/{total} events | ETA {eta_formatted}', noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic);
  let shown = false;
  try {
    const chains = await new Verifier(dataSource).verify((events, total) => {
      if (!options.progress) return;
      if (!shown) bar.start(total, 0);
      shown = true;
      bar.update(events);
    });
    if (shown) bar.stop();
    shown = false;
    const store = new PostgresEventStore(pool, createEventTypeRegistry());
    const projections = registeredProjections(ProgrammeRegistry.load(config.PROGRAMMES_DIR).catalog);
    const readModels = await new ReadModelComparison(store, dataSource, projections).compare();
    const anchors = anchoring ? await new AnchorVerifier(queryableOf(dataSource), anchoring.keys).verify(anchoring.files) : null;

    const mismatches: Mismatch[] = [...(anchors?.mismatches ?? []), ...chains.mismatches, ...readModels.mismatches];
    for (const mismatch of mismatches) out(`MISMATCH ${mismatch.kind} ${mismatchSubject(mismatch)}: ${options.lang === 'vi' ? mismatch.vi : mismatch.detail}`);
    const counts: Record<string, number> = {
      events: chains.events,
      streams: chains.streams,
      applications: chains.applicationsCompared,
      tables: readModels.tables,
      rows: readModels.rows,
      mismatches: mismatches.length,
      ...(anchors ? { anchors: anchors.anchors, covered: anchors.covered } : {}),
    };
    out(summary[options.lang](counts));
    out(verdict[options.lang](mismatches.length === 0));
    return mismatches.length === 0;
  } finally {
    if (shown) bar.stop();
    await pool.end();
    await dataSource.destroy();
  }
};
