import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, redactUrl } from './logger';

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
});
