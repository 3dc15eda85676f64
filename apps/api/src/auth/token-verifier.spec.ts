import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { TokenRefused, TokenVerifier } from './token-verifier';

jest.mock('jose', () => {
  const actual = jest.requireActual('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});

const SECRET = 'token-verifier-spec-secret-0123456789';
const config = { JWT_SECRET: SECRET, JWT_PUBLIC_KEY: undefined, JWT_JWKS_URL: undefined, JWT_JWKS_REFETCH_SECONDS: 30, JWT_MAX_LIFETIME_SECONDS: 43_200, JWT_CLOCK_SKEW_SECONDS: 30, JWT_ISSUER: undefined, JWT_AUDIENCE: undefined };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (claims: object): string => {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', SECRET).update(head).digest('base64url')}`;
};
const T0 = Date.UTC(2020, 4, 4, 8, 0, 0) / 1000;
const jwtVerify = jose.jwtVerify as jest.MockedFunction<typeof jose.jwtVerify>;

describe('TokenVerifier remembers verified tokens', () => {
  let clock: number;
  let verifier: TokenVerifier;
  beforeEach(() => {
    clock = T0;
    verifier = new TokenVerifier(config, () => new Date(clock * 1000));
    jwtVerify.mockClear();
  });

  it('verifies a token once, then takes it by its exact string', async () => {
    const token = sign({ sub: 'officer-1', roles: ['intake-officer'], ward: 'W01', iat: T0, exp: T0 + 3600 });
    for (let i = 0; i < 5; i += 1) await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'officer-1' });
    expect(jwtVerify).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token once it expires, allowing the clock skew', async () => {
    const token = sign({ sub: 'officer-1', roles: ['intake-officer'], iat: T0, exp: T0 + 60 });
    await verifier.verify(token);
    clock = T0 + 60 + 29;
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'officer-1' });
    clock = T0 + 60 + 30;
    await expect(verifier.verify(token)).rejects.toThrow(new TokenRefused('it has expired'));
  });

  it('verifies in full a token one byte away from a remembered one', async () => {
    const token = sign({ sub: 'officer-1', roles: ['intake-officer'], iat: T0, exp: T0 + 3600 });
    await verifier.verify(token);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    await expect(verifier.verify(token.slice(0, -1) + last)).rejects.toBeInstanceOf(TokenRefused);
    const [head, , signature] = token.split('.');
    const promoted = `${head}.${b64({ sub: 'officer-1', roles: ['province-approver'], iat: T0, exp: T0 + 3600 })}.${signature}`;
    await expect(verifier.verify(promoted)).rejects.toBeInstanceOf(TokenRefused);
  });

  it('never remembers a refused token', async () => {
    const early = sign({ sub: 'officer-1', roles: ['intake-officer'], nbf: T0 + 600, iat: T0, exp: T0 + 3600 });
    await expect(verifier.verify(early)).rejects.toBeInstanceOf(TokenRefused);
    await expect(verifier.verify(early)).rejects.toBeInstanceOf(TokenRefused);
    expect(jwtVerify).toHaveBeenCalledTimes(2);
    clock = T0 + 600;
    await expect(verifier.verify(early)).resolves.toMatchObject({ sub: 'officer-1' });
  });

  it('keeps at most 4,096 tokens, forgetting the oldest first', async () => {
    const tokens = Array.from({ length: 4097 }, (_, i) => sign({ sub: `officer-${i}`, roles: ['auditor'], iat: T0, exp: T0 + 3600 }));
    for (const token of tokens) await verifier.verify(token);
    jwtVerify.mockClear();
    await verifier.verify(tokens[4096]);
    await verifier.verify(tokens[1]);
    expect(jwtVerify).not.toHaveBeenCalled();
    await verifier.verify(tokens[0]);
    expect(jwtVerify).toHaveBeenCalledTimes(1);
  });

  it('does not remember tokens longer than any real one', async () => {
    const token = sign({ sub: 'officer-1', roles: ['auditor'], padding: 'x'.repeat(5000), iat: T0, exp: T0 + 3600 });
    await verifier.verify(token);
    await verifier.verify(token);
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('remembers nothing when the keys come from an identity provider, whose keys may be withdrawn', async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
      const withJwks = new TokenVerifier({ ...config, JWT_JWKS_URL: url }, () => new Date(clock * 1000));
      const token = await new jose.SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('officer-1').setIssuedAt(T0).setExpirationTime(T0 + 3600).sign(privateKey);
      await expect(withJwks.verify(token)).resolves.toMatchObject({ sub: 'officer-1' });
      await expect(withJwks.verify(token)).resolves.toMatchObject({ sub: 'officer-1' });
      expect(jwtVerify).toHaveBeenCalledTimes(2);
    } finally {
      server.close();
    }
  });
});
