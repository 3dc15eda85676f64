import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every setting the service reads, with its default; README lists them. */
export class AppConfig {
  @IsInt() @Min(1) @Max(65535) @Transform(toInt)
  PORT = 3000;

  @IsOptional() @IsString()
  DATABASE_URL?: string;

  @IsString() @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = 'relief-ledger-development-secret-change-me';

  @IsOptional() @IsString()
  JWT_PUBLIC_KEY?: string;

  @IsString() @MinLength(16, { message: 'CITIZEN_KEY_SECRET must be at least 16 characters' })
  CITIZEN_KEY_SECRET = 'relief-ledger-development-citizen-key';

  @IsOptional() @IsString()
  PROGRAMMES_DIR?: string;

  @IsInt() @Min(1) @Max(500) @Transform(toInt)
  DB_POOL_SIZE = 20;

  @IsString()
  BODY_LIMIT = '256kb';

  @IsIn(['all', 'api', 'projector'])
  RUN = 'all';

  /** Demo applications seeded on first start when DATABASE_URL is unset (trial mode); 0 for none. */
  @IsInt() @Min(0) @Max(100000) @Transform(toInt)
  DEMO_APPLICATIONS = 200;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class ConfigInvalid extends Error {}

/** Stops start-up with one line per bad setting, naming it. */
export const validateConfig = (env: Record<string, unknown>): AppConfig => {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (got ${JSON.stringify(error.value)})`);
    throw new ConfigInvalid(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
};
