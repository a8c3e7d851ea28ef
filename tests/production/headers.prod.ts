// What a production start answers besides its bodies: no-store on every API answer, the security
// headers (HSTS meant for https behind the proxy), and the H5 app compressed, hashed files cached for a year.
import { request } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../support/browser';
import { ROOT } from '../support/server';
import { ADMIN, ProdServer, login, startProdServer } from './prod-server';

const H5 = join(ROOT, 'miniapp/dist/h5');

/** A GET as curl would send it: the bytes on the wire (no decoding), with its headers. */
function raw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
    })
      .on('error', reject)
      .end();
  });
}

describe('headers and the H5 app in production', () => {
  let s: ProdServer;
  let token: string;
  beforeAll(async () => {
    if (!existsSync(join(H5, 'index.html'))) throw new Error('the H5 app is not built (cd miniapp && pnpm build:h5)');
    s = await startProdServer('headers', { H5_DIR: H5 });
    token = await login(s.api, ADMIN.username, ADMIN.password);
  });
  afterAll(() => s?.close());

  it('answers every API request with Cache-Control: no-store, errors and refusals included', async () => {
    const me = await s.api.get('/api/me', { token });
    const answers = [
      me,
      await s.api.get(`/api/orgs/${me.body.roles[0].orgId}`, { token }),
      await s.api.get('/api/health'),
      await s.api.get('/api/me'),
      await s.api.get('/api/no-such-thing'),
      await s.api.post('/api/auth/password', { raw: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      await s.api.post('/api/auth/password', { body: { username: 'x', password: 'y' } }),
    ];
    for (const a of answers) expect([a.status, a.headers.get('cache-control')]).toEqual([a.status, expect.stringContaining('no-store')]);
  });

  it('sends the CSP and the other security headers, and HSTS for the https origin behind the proxy', async () => {
    const res = await s.api.get('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the H5 scripts brotli- or gzip-compressed, hashed files cached for a year and index.html revalidated', async () => {
    const js = readdirSync(join(H5, 'js')).filter((f) => f.endsWith('.js'));
    const name = js.sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
    const plain = await raw(`${s.url}/js/${name}`);
    const br = await raw(`${s.url}/js/${name}`, { 'accept-encoding': 'br, gzip' });
    const gz = await raw(`${s.url}/js/${name}`, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.bytes).toBeLessThan(plain.bytes / 2);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const index = await raw(`${s.url}/`, { 'accept-encoding': 'br, gzip' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('measures the H5 first load in Chromium: what crossed the wire', async () => {
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      let wire = 0;
      let headers = 0;
      let decoded = 0;
      let requests = 0;
      const seen: Promise<void>[] = [];
      page.on('requestfinished', (r) =>
        seen.push(
          (async () => {
            const sizes = await r.sizes();
            requests++;
            wire += sizes.responseBodySize;
            headers += sizes.responseHeadersSize;
            // The file's own size, for what the page asked of the H5 build.
            const path = new URL(r.url()).pathname;
            const file = join(H5, path === '/' ? 'index.html' : path);
            if (existsSync(file) && statSync(file).isFile()) decoded += statSync(file).size;
          })(),
        ),
      );
      await page.goto(`${s.url}/`, { waitUntil: 'networkidle' });
      await Promise.all(seen);
      process.stdout.write(
        `h5 first load: ${requests} requests, bodies ${(wire / 1024).toFixed(0)} KB on the wire (${(decoded / 1024).toFixed(0)} KB decoded) + ${(headers / 1024).toFixed(0)} KB of headers\n`,
      );
      expect(wire).toBeGreaterThan(0);
      // Compressed, the first load is well under its decoded size.
      expect(wire).toBeLessThan(decoded / 2);
    } finally {
      await close();
    }
  });
});
