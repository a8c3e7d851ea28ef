import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin, api } from './fixtures';

// Our tokens are HS256 JWTs signed with JWT_SECRET (generated into DATA_DIR/secrets.json outside
// production). Anything else — another algorithm, another key, an expired or tampered token — is 401.
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const secret = () => JSON.parse(readFileSync(join(process.env.PINGJIA_DATA_DIR!, 'secrets.json'), 'utf8')).JWT_SECRET as string;

function sign(header: object, payload: object, key: string, hmac = 'sha256'): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac(hmac, key).update(body).digest('base64url')}`;
}

async function claims(): Promise<{ sub: string; iat: number; exp: number }> {
  const { token } = await admin();
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

describe('tokens', () => {
  it('accepts a token we signed the way the server signs (control)', async () => {
    const c = await claims();
    const now = Math.floor(Date.now() / 1000);
    const res = await api().get('/api/me', {
      token: sign({ alg: 'HS256', typ: 'JWT' }, { sub: c.sub, iat: now, exp: now + 60 }, secret()),
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['expired', async (sub: string, now: number) => sign({ alg: 'HS256', typ: 'JWT' }, { sub, iat: now - 7200, exp: now - 60 }, secret())],
    [
      'signed with another key',
      async (sub: string, now: number) =>
        sign({ alg: 'HS256', typ: 'JWT' }, { sub, iat: now, exp: now + 60 }, 'not-our-secret-0123456789abcdef'),
    ],
    [
      'another algorithm (HS512) with our key',
      async (sub: string, now: number) => sign({ alg: 'HS512', typ: 'JWT' }, { sub, iat: now, exp: now + 60 }, secret(), 'sha512'),
    ],
    [
      'alg none with a signature part',
      async (sub: string, now: number) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, iat: now, exp: now + 60 })}.x`,
    ],
    ['no subject', async (_sub: string, now: number) => sign({ alg: 'HS256', typ: 'JWT' }, { iat: now, exp: now + 60 }, secret())],
  ])('refuses a token %s with 401', async (_label, make) => {
    const c = await claims();
    const res = await api().get('/api/me', { token: await make(c.sub, Math.floor(Date.now() / 1000)) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_INVALID');
    expect(res.text).not.toMatch(/jwt|stack|secret/i);
  });
});
