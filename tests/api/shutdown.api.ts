import { call, client } from '../support/http';
import { startServer, testDatabaseEnv } from '../support/server';
import { api, cityWithCampaign, GOOD_SCORES, member, ratingPath } from './fixtures';

// Graceful shutdown (SIGTERM): health says so at once, requests in flight finish and are kept,
// then the server stops taking requests, closes the database and exits 0.
describe('graceful shutdown', () => {
  it('drains in-flight writes, reports shutting down, then exits cleanly', async () => {
    const { campaign, homeA } = await cityWithCampaign();
    const members = await Promise.all(Array.from({ length: 30 }, () => member()));
    // A second instance on the same database and secrets, so tokens from the suite's server work here.
    const server = await startServer({
      ...testDatabaseEnv(),
      DATA_DIR: process.env.PINGJIA_DATA_DIR,
      SHUTDOWN_DELAY_MS: '3000',
      LOG_LEVEL: 'info',
      RATE_LIMIT_WRITES_PER_IP: '1000000',
    });
    const path = ratingPath(campaign.id, homeA.id);
    const writes = members.map((m) =>
      call(server.url, 'PUT', path, { token: m.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } }).then(
        (r) => ({ member: m, status: r.status }),
        () => ({ member: m, status: 0 }), // refused before it was taken: never acknowledged
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    const exited = server.stop('SIGTERM');

    // The signal is handled as soon as the event loop gets to it (it may be busy with the writes).
    let health = await client(server.url).get('/api/health');
    for (let i = 0; i < 40 && health.status !== 503; i++) {
      await new Promise((r) => setTimeout(r, 50));
      health = await client(server.url).get('/api/health');
    }
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'shutting_down', db: 'up' });

    const results = await Promise.all(writes);
    expect(await exited).toBe(0);
    // Nothing answered with a server error, and every acknowledged write is in the database.
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const acknowledged = results.filter((r) => r.status === 201);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const r of acknowledged) {
      expect((await api().get(path, { token: r.member.token })).status).toBe(200);
    }
    expect(server.output()).toContain('stopped: requests drained, database closed');
    // And it no longer takes connections.
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    // Boots a second server and signs in 30 members: ~8 s on a quiet machine, over 60 s at load 15 on MariaDB.
  }, 180_000);

  it('sends security headers on every answer', async () => {
    const res = await api().get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const err = await api().get('/api/homes/not-a-uuid');
    expect(err.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
