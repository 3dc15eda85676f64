import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IsTrustProxy } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const POSTGRES_URL = /^postgres(ql)?:\/\/\S+$/;

/** Every setting the service reads, with its default; README lists them. */
export class AppConfig {
  @IsInt() @Min(1) @Max(65535) @Transform(toInt)
  PORT = 3000;

  @IsOptional() @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL?: string;

  /** Migrations run as this (owner) role; the service itself connects as DATABASE_URL. Unset: DATABASE_URL. */
  @IsOptional() @Matches(POSTGRES_URL, { message: 'MIGRATION_DATABASE_URL must be a postgres:// connection string' })
  MIGRATION_DATABASE_URL?: string;

  /**
   * A replica (HAProxy's read port) for the query routes that may read behind the leader
   * (inspectors', auditors', dashboards); commands and the projector always use DATABASE_URL.
   */
  @IsOptional() @Matches(POSTGRES_URL, { message: 'READ_DATABASE_URL must be a postgres:// connection string' })
  READ_DATABASE_URL?: string;

  /** Trial mode (DATABASE_URL unset): where the embedded PostgreSQL keeps its files. */
  @IsString() @MinLength(1)
  DATA_DIR = 'data';

  /** A query running longer is cancelled and the request answered 503; 0 for no limit. */
  @IsInt() @Min(0) @Max(3_600_000) @Transform(toInt)
  DB_STATEMENT_TIMEOUT_MS = 15_000;

  /** Waiting longer than this for a free connection is answered 503, not left hanging. */
  @IsInt() @Min(1) @Max(600_000) @Transform(toInt)
  DB_ACQUIRE_TIMEOUT_MS = 5_000;

  /** Trial mode's default is refused outside it (production-secrets.ts). */
  @IsString() @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = 'relief-ledger-development-secret-change-me';

  @IsOptional() @IsString()
  JWT_PUBLIC_KEY?: string;

  /** An identity provider's JSON Web Key Set (keys chosen by `kid`, refetched when one is unknown). */
  @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'JWT_JWKS_URL must be an http(s) URL' })
  JWT_JWKS_URL?: string;

  /** A token naming an unknown `kid` refetches the JWKS at most this often (a flood of made-up kids cannot hammer the provider). */
  @IsInt() @Min(0) @Max(3600) @Transform(toInt)
  JWT_JWKS_REFETCH_SECONDS = 30;

  /** Tokens must carry `exp`, at most this long after `iat` (or after now, without `iat`). */
  @IsInt() @Min(60) @Max(30 * 24 * 3600) @Transform(toInt)
  JWT_MAX_LIFETIME_SECONDS = 12 * 3600;

  /** Clock difference tolerated on `iat`, `nbf` and `exp`. */
  @IsInt() @Min(0) @Max(600) @Transform(toInt)
  JWT_CLOCK_SKEW_SECONDS = 60;

  /** When set, a token's `iss` must equal it. */
  @IsOptional() @IsString() @MinLength(1)
  JWT_ISSUER?: string;

  /** When set, a token's `aud` must contain it. */
  @IsOptional() @IsString() @MinLength(1)
  JWT_AUDIENCE?: string;

  /** Trial mode's default is refused outside it (production-secrets.ts). */
  @IsString() @MinLength(16, { message: 'CITIZEN_KEY_SECRET must be at least 16 characters' })
  CITIZEN_KEY_SECRET = 'relief-ledger-development-citizen-key';

  @IsOptional() @IsString()
  PROGRAMMES_DIR?: string;

  @IsInt() @Min(1) @Max(500) @Transform(toInt)
  DB_POOL_SIZE = 20;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must be a size such as 256kb or 1mb' })
  BODY_LIMIT = '256kb';

  /**
   * An append of more events than this (a provincial decision over tens of thousands of
   * applications) is written as statements of this many events in one transaction, each far
   * below DB_STATEMENT_TIMEOUT_MS.
   */
  @IsInt() @Min(10) @Max(1_000_000) @Transform(toInt)
  APPEND_STATEMENT_EVENTS = 5_000;

  /** The most data rows one imported spreadsheet may hold (POST /imports); more is 400. */
  @IsInt() @Min(1) @Max(1_000_000) @Transform(toInt)
  IMPORT_MAX_ROWS = 10_000;

  /** Requests per client address per window; 0 turns rate limiting off (benchmarks). */
  @IsInt() @Min(0) @Max(1_000_000) @Transform(toInt)
  RATE_LIMIT = 1200;

  @IsInt() @Min(1000) @Max(3_600_000) @Transform(toInt)
  RATE_LIMIT_WINDOW_MS = 60_000;

  /** When set, GET /metrics (API and projector) needs `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional() @IsString() @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** The API's /metrics on a port of its own (0: on PORT, with the API). */
  @IsInt() @Min(0) @Max(65535) @Transform(toInt)
  METRICS_PORT = 0;

  /** CSV exports per client address per window, on top of RATE_LIMIT (exports stream whole wards). */
  @IsInt() @Min(1) @Max(1_000_000) @Transform(toInt)
  EXPORT_RATE_LIMIT = 30;

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For),
   * for the rate limit and the logs: a number of hops, or proxy addresses, subnets and the
   * names loopback, linklocal, uniquelocal, comma-separated. Unset: the connecting address is
   * the client (behind a reverse proxy every caller would then share one limit). `true` is
   * refused: trusting every sender lets any client pick its own address and escape the limit.
   */
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsTrustProxy({ message: 'TRUST_PROXY must be a number of proxy hops, or proxy addresses/subnets (or loopback, linklocal, uniquelocal) separated by commas; true is not allowed' })
  TRUST_PROXY?: string;

  /** /health/ready fails while a projection is further behind the log than this many events… */
  @IsInt() @Min(0) @Transform(toInt)
  READY_MAX_LAG_EVENTS = 10_000;

  /** …or has left an event waiting longer than this. */
  @IsInt() @Min(0) @Transform(toInt)
  READY_MAX_LAG_SECONDS = 60;

  @IsInt() @Min(1) @Max(10_000) @Transform(toInt)
  PROJECTOR_BATCH_SIZE = 500;

  /**
   * Under a steady stream of appends, the projector reads the head of the log at most once per
   * this many milliseconds (each batch then carries more events for the same fixed cost); the
   * first read after a quiet spell goes at once. Adds up to this much to the read models' lag.
   * Under the bench's HTTP mix, 200 against 50 cut the projector's CPU per request by about 60%
   * and the server's by 40% (every projection's transaction, checkpoint and fraud groups once per
   * batch), lag p99 about 0.2 s; 500 gained nothing more, the API being the bound by then.
   */
  @IsInt() @Min(0) @Max(10_000) @Transform(toInt)
  PROJECTOR_ROUND_INTERVAL_MS = 200;

  /** The standalone projector's health and metrics port; 0 for none. */
  @IsInt() @Min(0) @Max(65535) @Transform(toInt)
  PROJECTOR_PORT = 3001;

  /** On SIGTERM, in-flight requests get this long to finish before their connections are cut. */
  @IsInt() @Min(0) @Max(600_000) @Transform(toInt)
  SHUTDOWN_GRACE_MS = 10_000;

  @IsIn(['all', 'api', 'projector'])
  RUN = 'all';

  /** Demo applications seeded on first start when DATABASE_URL is unset (trial mode); 0 for none. */
  @IsInt() @Min(0) @Max(100000) @Transform(toInt)
  DEMO_APPLICATIONS = 200;

  /** The console's development sign-in (POST /dev/token): on in trial mode unless 'false', otherwise only when 'true'. */
  @IsOptional() @IsIn(['true', 'false'], { message: 'DEV_SIGN_IN must be true or false' })
  DEV_SIGN_IN?: 'true' | 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  // Anchors (docs/ANCHORS.md): signed checkpoints of the whole log, with a key the database never holds.

  /** The Ed25519 private key (PEM) that signs anchors; required where the projector runs, outside trial mode (anchor-settings.ts). */
  @IsOptional() @IsString() @MinLength(1)
  ANCHOR_KEY_FILE?: string;

  /** Where each anchor is written as a file, for an operator to copy to write-once storage. Unset: DATA_DIR/anchors in trial mode, otherwise anchors/. */
  @IsOptional() @IsString() @MinLength(1)
  ANCHOR_DIR?: string;

  /** A checkpoint is signed at least this often while the log grows. */
  @IsInt() @Min(100) @Max(3_600_000) @Transform(toInt)
  ANCHOR_INTERVAL_MS = 10_000;
}

export class ConfigInvalid extends Error {}

/** Secrets and passwords never reach the console, even when wrong. */
const shown = (name: string, value: unknown): string => {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (/SECRET|KEY/.test(name)) return `a value of ${value.length} characters`;
  if (/URL/.test(name)) return JSON.stringify(value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'));
  return JSON.stringify(value);
};

/** Stops start-up with one line per bad setting, naming it. */
export const validateConfig = (env: Record<string, unknown>): AppConfig => {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `invalid configuration: ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (got ${shown(error.property, error.value)})`);
    throw new ConfigInvalid(lines.join('\n'));
  }
  return config;
};
