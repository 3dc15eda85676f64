import { ConfigInvalid, validateConfig } from './app-config';

const failure = (env: Record<string, string>): string => {
  try {
    validateConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInvalid);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

describe('Configuration', () => {
  it('has a default for every setting but the database', () => {
    const config = validateConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATABASE_URL: undefined, DATA_DIR: 'data', RATE_LIMIT: 1200, DB_ACQUIRE_TIMEOUT_MS: 5000, ANCHOR_INTERVAL_MS: 10_000, PROJECTOR_ROUND_INTERVAL_MS: 200 });
  });

  it.each([
    ['PORT', '99999'],
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['MIGRATION_DATABASE_URL', 'localhost'],
    ['READ_DATABASE_URL', 'replica:5432'],
    ['BODY_LIMIT', 'a lot'],
    ['RATE_LIMIT', '-1'],
    ['DB_STATEMENT_TIMEOUT_MS', '1.5'],
    ['READY_MAX_LAG_EVENTS', 'many'],
    ['LOG_LEVEL', 'loud'],
    ['RUN', 'everything'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback, proxy.example'],
    ['ANCHOR_INTERVAL_MS', '10'],
    ['ANCHOR_INTERVAL_MS', 'soon'],
    ['PROJECTOR_ROUND_INTERVAL_MS', '-5'],
    ['PROJECTOR_ROUND_INTERVAL_MS', '１０'],
  ])('stops on a malformed %s with one line naming it', (name, value) => {
    const message = failure({ [name]: value });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`^invalid configuration: ${name}: `));
  });

  it('never prints a secret or a password it refuses', () => {
    const message = failure({ JWT_SECRET: 'short-secret', DATABASE_URL: 'postgres://svc:hunter2@db /x', PORT: '0' });
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toContain('JWT_SECRET');
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('hunter2');
  });

  it.each([['1'], ['loopback'], ['10.0.0.0/8, 192.168.1.7, loopback'], ['fd00::/8']])('accepts TRUST_PROXY=%j', (value) => {
    expect(validateConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
  });

  it('takes an empty TRUST_PROXY as unset', () => {
    expect(validateConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
  });
});
