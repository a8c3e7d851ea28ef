import Fastify, { FastifyInstance, LogController } from 'fastify';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, redactUrl, requestLine } from './logger';

function sink(lines: string[]) {
  return new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
}

describe('logger', () => {
  it('removes tracking and invite codes from URLs', () => {
    expect(redactUrl('/api/grievances/track/ABCD2345EFGH?x=1')).toBe('/api/grievances/track/[redacted]?x=1');
    expect(redactUrl('/api/invites/k3y/accept')).toBe('/api/invites/[redacted]/accept');
    expect(redactUrl('/api/homes/scene/abc')).toBe('/api/homes/scene/abc');
    expect(redactUrl('/api/grievances/0b9f6c1e-2d3a-4c5b-8e7f-1234567890ab/feedback')).toBe('/api/grievances/[id]/feedback');
  });

  it('writes request lines without secret path parts or credentials', () => {
    const req = { url: '/api/grievances/track/SECRETCODE', headers: { authorization: 'Bearer TOKENVALUE', 'idempotency-key': 'IDEMKEY' } };
    const plain: string[] = [];
    pino({ level: 'info' }, sink(plain)).info({ req }, 'incoming request');
    expect(plain.join('')).toContain('SECRETCODE'); // control: a bare pino would write them
    const ours: string[] = [];
    createLogger('info', sink(ours)).info({ req }, 'incoming request');
    const line = ours.join('');
    expect(line).toContain('/api/grievances/track/[redacted]');
    expect(line).not.toMatch(/SECRETCODE|TOKENVALUE|IDEMKEY/);
  });

  it("writes one request line per answer, the line pino writes for it through createLogger's child, silent routes none", async () => {
    const lines: string[] = [];
    const app = Fastify({
      loggerInstance: createLogger('info', sink(lines)),
      genReqId: () => 'req-1',
      logController: new LogController({ disableRequestLogging: true }),
    });
    // the app's logger is createLogger's pino (fastify types it apart from its base logger)
    requestLine(app as unknown as FastifyInstance);
    app.get('/api/invites/:code', (_req, reply) => void reply.code(201).send('x'));
    app.get('/api/quiet', { logLevel: 'silent' }, (_req, reply) => void reply.send('x'));
    await app.inject({ url: '/api/invites/SECRET?code=SECRET2&q=%E8%AF%84%22' });
    await app.inject({ url: '/api/quiet' });
    await app.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as { time: number; ms: number };
    expect(typeof line.ms).toBe('number');
    const expected: string[] = [];
    createLogger('info', sink(expected))
      .child({ reqId: 'req-1' })
      .info(
        { req: { method: 'GET', url: '/api/invites/SECRET?code=SECRET2&q=%E8%AF%84%22' }, status: 201, ms: line.ms, ip: '127.0.0.1' },
        'request',
      );
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0].replace(/"time":\d+/, '"time":0')).toBe(expected[0].replace(/"time":\d+/, '"time":0'));
    expect(lines[0]).not.toContain('SECRET');
  });
});
