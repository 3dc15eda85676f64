import { runEntryPoint } from '../support/cli-process';

const SERVER = 'postgres://postgres@127.0.0.1:1/nowhere';

/**
 * The probe's finding: with DATABASE_URL set and JWT_SECRET unset, the service started and took
 * tokens signed with the secret published in the source. The real `npm start` process now stops
 * first, naming the variable; with secrets of its own it gets as far as the database.
 */
describe('Development secrets at start-up (real process)', () => {
  const OWN = { JWT_SECRET: 'deployment-jwt-secret-0123456789', CITIZEN_KEY_SECRET: 'deployment-citizen-key-0123456789' };

  it.each([
    ['JWT_SECRET unset', { CITIZEN_KEY_SECRET: OWN.CITIZEN_KEY_SECRET }, 'JWT_SECRET'],
    ['CITIZEN_KEY_SECRET unset', { JWT_SECRET: OWN.JWT_SECRET }, 'CITIZEN_KEY_SECRET'],
    ['JWT_SECRET the development default', { ...OWN, JWT_SECRET: 'relief-ledger-development-secret-change-me' }, 'JWT_SECRET'],
    ['CITIZEN_KEY_SECRET the development default', { ...OWN, CITIZEN_KEY_SECRET: 'relief-ledger-development-citizen-key' }, 'CITIZEN_KEY_SECRET'],
  ])('refuses to start with %s, in one line naming it', async (_, secrets, name) => {
    const result = await runEntryPoint('api', [], { DATABASE_URL: SERVER, RUN: 'api', ...secrets });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^invalid configuration: ${name}: `))]);
    expect(result.stderr).not.toMatch(/ECONNREFUSED/);
  }, 120_000);

  it('with secrets of its own it starts and gets as far as the database', async () => {
    const result = await runEntryPoint('api', [], { DATABASE_URL: SERVER, RUN: 'api', ...OWN });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('invalid configuration');
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  }, 120_000);
});
