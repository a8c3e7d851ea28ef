import { randomUUID } from 'node:crypto';
import { client } from '../support/http';
import { RunningServer, startServer, testDatabaseEnv } from '../support/server';
import { scoresOf } from '../support/scores';

describe('rate limits (a server of its own with small limits)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      ...testDatabaseEnv(),
      AUTH_DEV_LOGIN: 'true',
      RATE_LIMIT_WRITES_PER_USER: '3',
      RATE_LIMIT_LOGINS_PER_IP: '5',
    });
  });
  afterAll(async () => server?.stop());

  it("answers a member's fourth write within a minute with 429 and Retry-After", async () => {
    const c = client(server.url);
    const token = (await c.post('/api/auth/dev', { body: { openid: 'writer-123' } })).body.token;
    const path = '/api/campaigns/00000000-0000-4000-8000-000000000000/homes/00000000-0000-4000-8000-000000000001/my-rating';
    const body = { scores: scoresOf(5), verdict: 'satisfied' };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await c.put(path, { token, body }));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 429]);
    const refused = answers[3];
    expect(refused.body.code).toBe('RATE_LIMITED');
    // The window is one minute: the client is told to wait between 1 and 60 whole seconds.
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Reads are not limited.
    expect((await c.get('/api/me', { token })).status).toBe(200);
  });

  it('answers the sixth login a minute from one address with 429 and Retry-After', async () => {
    const c = client(server.url);
    const statuses: number[] = [];
    // One login was spent by the test above. A new unknown name each time: the per-account backoff
    // (login_attempts, shared with every server on the MariaDB run) must not be what answers 429 here.
    for (let i = 0; i < 5; i++) {
      const username = `nobody-${randomUUID().slice(0, 8)}`;
      statuses.push((await c.post('/api/auth/password', { body: { username, password: 'x' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const again = await c.post('/api/auth/dev', { body: { openid: 'device-123' } });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('RATE_LIMITED');
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});
