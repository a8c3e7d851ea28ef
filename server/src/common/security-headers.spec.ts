import { createHash } from 'node:crypto';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers';

describe('security headers', () => {
  it('hashes inline scripts and ignores external ones', () => {
    const body = '!function(){document.title="x"}()';
    const html = `<html><head><script>${body}</script><script defer src="/js/app.js"></script></head></html>`;
    const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
  });

  it('allows no inline script, plugin or framing without a page to hash', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });
});
