import { devSignInEnabled } from './dev-sign-in';

describe('development sign-in (POST /dev/token)', () => {
  const real = 'postgres://relief@db.example/relief_ledger';

  it('is on in trial mode (no DATABASE_URL)', () => {
    expect(devSignInEnabled({ DATABASE_URL: undefined, DEV_SIGN_IN: undefined, JWT_PUBLIC_KEY: undefined })).toBe(true);
  });

  it('is off with a real database unless DEV_SIGN_IN=true', () => {
    expect(devSignInEnabled({ DATABASE_URL: real, DEV_SIGN_IN: undefined, JWT_PUBLIC_KEY: undefined })).toBe(false);
    expect(devSignInEnabled({ DATABASE_URL: real, DEV_SIGN_IN: 'false', JWT_PUBLIC_KEY: undefined })).toBe(false);
    expect(devSignInEnabled({ DATABASE_URL: real, DEV_SIGN_IN: 'true', JWT_PUBLIC_KEY: undefined })).toBe(true);
  });

  it('can be turned off in trial mode', () => {
    expect(devSignInEnabled({ DATABASE_URL: undefined, DEV_SIGN_IN: 'false', JWT_PUBLIC_KEY: undefined })).toBe(false);
  });

  it('is never on when tokens come from an external identity provider (RS256)', () => {
    expect(devSignInEnabled({ DATABASE_URL: undefined, DEV_SIGN_IN: undefined, JWT_PUBLIC_KEY: 'PEM' })).toBe(false);
    expect(devSignInEnabled({ DATABASE_URL: real, DEV_SIGN_IN: 'true', JWT_PUBLIC_KEY: 'PEM' })).toBe(false);
  });
});
