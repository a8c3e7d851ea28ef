import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TokenVerifier } from './token-verifier';
import { TokenVersions } from './token-versions';

// The verified-token cache: a token's signature and expiry are checked once, its version on every request.
describe('TokenVerifier', () => {
  const secret = createSecretKey(Buffer.from('a test secret of some length, 32+'));
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  let version: number;
  let verifier: TokenVerifier;
  let versions: TokenVersions;

  beforeEach(() => {
    version = 0;
    const db = { query: async () => [{ token_version: version }] } as unknown as DataSource;
    versions = new TokenVersions(db, null);
    verifier = new TokenVerifier(jwt, versions);
  });
  afterEach(() => jest.useRealTimers());

  const bearer = (claims: object, expiresIn = 3600) => `Bearer ${jwt.sign(claims, { expiresIn })}`;
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: { code?: string }) => e.code,
    );

  it('checks a signature once: the same token again is answered without the signature check, and at once', async () => {
    const header = bearer({ sub: 'u1', ver: 0 });
    expect(verifier.callerNow(header)).toBeUndefined(); // never verified: nothing said without waiting
    const verify = jest.spyOn(jwt, 'verifyAsync');
    expect(await verifier.caller(header)).toEqual({ id: 'u1', tokenVersion: 0 });
    expect(await verifier.caller(header)).toEqual({ id: 'u1', tokenVersion: 0 });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verifier.callerNow(header)).toEqual({ id: 'u1', tokenVersion: 0 });
    verify.mockRestore();
  });

  it('refuses the same claims under another signature though the genuine token is kept', async () => {
    const header = bearer({ sub: 'u1', ver: 0 });
    await verifier.caller(header);
    const [head, body] = header.split('.');
    const forged = `${head}.${body}.${Buffer.alloc(32, 7).toString('base64url')}`;
    expect(verifier.callerNow(forged)).toBeUndefined();
    expect(await code(verifier.caller(forged))).toBe('TOKEN_INVALID');
    // another secret, the same claims
    const other = new JwtService({ secret: createSecretKey(Buffer.from('another secret of some length, 32+')) });
    const resigned = `Bearer ${other.sign({ sub: 'u1', ver: 0 }, { expiresIn: 3600, algorithm: 'HS256' })}`;
    expect(await code(verifier.caller(resigned))).toBe('TOKEN_INVALID');
  });

  it('refuses a kept token once it has expired', async () => {
    jest.useFakeTimers({ now: Date.now() });
    const header = bearer({ sub: 'u1', ver: 0 }, 60);
    expect(await code(verifier.caller(header))).toBe('accepted');
    jest.setSystemTime(Date.now() + 59_000);
    expect(verifier.callerNow(header)).toEqual({ id: 'u1', tokenVersion: 0 });
    jest.setSystemTime(Date.now() + 2_000);
    expect(verifier.callerNow(header)).toBeUndefined();
    expect(await code(verifier.caller(header))).toBe('TOKEN_INVALID');
  });

  it('compares the version on every request: a bump refuses a kept token at once', async () => {
    const header = bearer({ sub: 'u1', ver: 0 });
    await verifier.caller(header);
    expect(verifier.callerNow(header)).toBeDefined();
    // a bump as the services make it: incremented in the transaction, published after the commit
    await versions.increment({ query: async () => undefined } as never, 'u1');
    version = 1;
    expect(verifier.callerNow(header)).toBeUndefined(); // in flight: read from the database
    await versions.changed('u1');
    expect(verifier.callerNow(header)).toBeUndefined();
    expect(await code(verifier.caller(header))).toBe('TOKEN_INVALID');
    const fresh = bearer({ sub: 'u1', ver: 1 });
    expect(await verifier.caller(fresh)).toEqual({ id: 'u1', tokenVersion: 1 });
    expect(verifier.callerNow(fresh)).toEqual({ id: 'u1', tokenVersion: 1 });
  });
});
