import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { fakeWechat } from '../support/wechat';
import { client } from '../support/http';
import { startServer, RunningServer } from '../support/server';
import { inkCoverage, keepShot, pdfInfo, pdfPages, pdfText, readQr, renderPage } from '../support/pdf';
import { api, chairOf, createHome, createOrg, freshCity } from './oversight.fixtures';

async function download(base: string, path: string, token: string) {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function posterOf(base: string, homeId: string, token: string) {
  const get = () => fetch(`${base}/api/homes/${homeId}/poster`, { headers: { authorization: `Bearer ${token}` } });
  // One retry when a loaded machine resets an idle keep-alive socket under us.
  const res = await get().catch((e) => (/ECONNRESET|other side closed/.test(String(e?.cause?.message ?? e)) ? get() : Promise.reject(e)));
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes };
}

function decode(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

describe('QR posters', () => {
  it('carries the WeChat mini-program code whose scene leads back to the home', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const chair = await chairOf(adminToken, home.id);
    const poster = await posterOf(process.env.PINGJIA_URL!, home.id, chair.token);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/png');
    expect(poster.headers.get('x-poster-source')).toBe('wxacode');
    // scripts/test.sh installs the CJK font: the poster carries its text
    expect(poster.headers.get('x-poster-font')).toBeNull();
    const data = decode(poster.bytes);
    const m = /^wxacode:pages\/home\/index\?scene=([^&]+)&env=release$/.exec(data ?? '');
    expect(m).not.toBeNull();
    const lookup = await api().get(`/api/homes/scene/${decodeURIComponent(m![1])}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.home.id).toBe(home.id);
  });

  it('falls back to the H5 link when WeChat refuses the page, and answers 503 when WeChat limits calls', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    await fakeWechat().fail('getwxacodeunlimit', 41030, 1, home.sceneToken);
    const fallback = await posterOf(process.env.PINGJIA_URL!, home.id, adminToken);
    expect(fallback.status).toBe(200);
    expect(fallback.headers.get('x-poster-source')).toBe('h5');
    expect(decode(fallback.bytes)).toMatch(new RegExp(`/pages/home/index\\?scene=${home.sceneToken}$`));
    await fakeWechat().fail('getwxacodeunlimit', 45009, 1, home.sceneToken);
    const limited = await posterOf(process.env.PINGJIA_URL!, home.id, adminToken);
    expect(limited.status).toBe(503);
    expect(JSON.parse(limited.bytes.toString()).code).toBe('WECHAT_UNAVAILABLE');
  });
});

describe('A4 posters as PDF', () => {
  it("prints one home's A4 page with its name, the steps, the privacy promise and a code that leads back to it", async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10, '示范市第一机床厂工会职工之家');
    const chair = await chairOf(adminToken, home.id);
    const pdf = await download(process.env.PINGJIA_URL!, `/api/homes/${home.id}/poster.pdf`, chair.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(home.name)}`);
    expect(pdf.headers.get('x-poster-font')).toBeNull();
    expect(await pdfPages(pdf.bytes)).toBe(1);
    // Its properties name the home and the app only: no library, and no moment it was made (the day only,
    // midnight China time, as pdfinfo prints it in UTC).
    const info = await pdfInfo(pdf.bytes);
    expect(info).toMatchObject({ Creator: '评家', Producer: '评家' });
    expect(info.Title).toContain(home.name);
    expect(info.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T16:00:00Z$/);
    expect(info.ModDate).toBeUndefined();
    // The font is embedded as a subset: kilobytes, not the 5 MB font file.
    expect(pdf.bytes.length).toBeLessThan(300_000);
    const text = (await pdfText(pdf.bytes)).replace(/\s+/g, '');
    for (const part of [home.name, '会员评家', '微信扫一扫', '进入本职工之家的评议页', '隐私承诺', '看不到谁评了什么'])
      expect(text).toContain(part);
    const page = await renderPage(pdf.bytes, 1, 100);
    keepShot('poster-pdf.png', page);
    expect(inkCoverage(page)).toBeGreaterThan(0.05);
    const m = /^wxacode:pages\/home\/index\?scene=([^&]+)&env=release$/.exec(readQr(page) ?? '');
    expect(m).not.toBeNull();
    expect(decodeURIComponent(m![1])).toBe(home.sceneToken);
  });

  it('prints a 300-home county in under 60 s, one page per home in name order, streamed', async () => {
    const { adminToken, city } = await freshCity();
    const county = await createOrg(adminToken, city.id, 'county');
    const names = Array.from({ length: 300 }, (_, i) => `县属${String(i).padStart(3, '0')}号工会职工之家`);
    for (let i = 0; i < names.length; i += 10)
      await Promise.all(names.slice(i, i + 10).map((name) => createHome(adminToken, county.id, 20, name)));
    const started = Date.now();
    const res = await fetch(`${process.env.PINGJIA_URL}/api/orgs/${county.id}/posters.pdf`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-poster-count')).toBe('300');
    // Streamed: the first bytes arrive long before the last page is drawn.
    const reader = res.body!.getReader();
    const chunks: Buffer[] = [];
    let firstChunkMs = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!chunks.length) firstChunkMs = Date.now() - started;
      chunks.push(Buffer.from(value));
    }
    const seconds = (Date.now() - started) / 1000;
    const pdf = Buffer.concat(chunks);
    console.log(
      `print run: 300 pages in ${seconds.toFixed(1)} s, ${(pdf.length / 1e6).toFixed(2)} MB, first bytes after ${firstChunkMs} ms`,
    );
    expect(seconds).toBeLessThan(60);
    expect(firstChunkMs).toBeLessThan(seconds * 1000 * 0.5);
    expect(await pdfPages(pdf)).toBe(300);
    expect((await pdfText(pdf, 1)).replace(/\s+/g, '')).toContain(names[0]);
    expect((await pdfText(pdf, 300)).replace(/\s+/g, '')).toContain(names[299]);
    const last = await renderPage(pdf, 300, 100);
    keepShot('poster-print-run-page-300.png', last);
    expect(inkCoverage(last)).toBeGreaterThan(0.05);
    expect(readQr(last)).toMatch(/^wxacode:pages\/home\/index\?scene=/);
  }, 300_000);

  it('refuses the print run to a chair and to an admin of another city, and an empty org with a reason', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 10);
    const chair = await chairOf(adminToken, home.id);
    expect((await download(process.env.PINGJIA_URL!, `/api/orgs/${city.id}/posters.pdf`, chair.token)).status).toBe(404);
    const other = await freshCity();
    const otherCounty = await createOrg(other.adminToken, other.city.id, 'county');
    const empty = await download(process.env.PINGJIA_URL!, `/api/orgs/${otherCounty.id}/posters.pdf`, other.adminToken);
    expect(empty.status).toBe(409);
    expect(JSON.parse(empty.bytes.toString()).message).toContain('还没有职工之家');
    expect((await download(process.env.PINGJIA_URL!, `/api/homes/${home.id}/poster.pdf`, chair.token)).status).toBe(200);
  });
});

describe('QR posters without WeChat', () => {
  let server: RunningServer;
  const admin = { username: 'poster-admin', password: 'poster-admin-password-1' };
  beforeAll(async () => {
    // SQLite of its own: no WeChat configured, a public address given.
    server = await startServer({
      SEED_DEMO: 'true',
      DEMO_ADMIN_USERNAME: admin.username,
      DEMO_ADMIN_PASSWORD: admin.password,
      PUBLIC_URL: 'https://pingjia.example.org',
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('carries a standard QR code of the H5 rating page that leads back to the home', async () => {
    const c = client(server.url);
    const login = await c.post('/api/auth/password', { body: admin });
    const provinceId = login.body.user.roles[0].orgId;
    const children = await c.get(`/api/orgs/${provinceId}/children`, { token: login.body.token });
    const cityId = children.body.items.find((i: any) => i.type === 'org').id;
    const home = (await c.get(`/api/orgs/${cityId}/children`, { token: login.body.token })).body.items.find((i: any) => i.type === 'home');
    const poster = await posterOf(server.url, home.id, login.body.token);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('x-poster-source')).toBe('h5');
    const url = new URL(decode(poster.bytes)!);
    expect(`${url.origin}${url.pathname}`).toBe('https://pingjia.example.org/pages/home/index');
    const lookup = await c.get(`/api/homes/scene/${url.searchParams.get('scene')}`);
    expect(lookup.body.home.id).toBe(home.id);
  });

  it('draws the H5 code of the PDF poster as vectors that a phone can read', async () => {
    const c = client(server.url);
    const login = await c.post('/api/auth/password', { body: admin });
    const provinceId = login.body.user.roles[0].orgId;
    const run = await download(server.url, `/api/orgs/${provinceId}/posters.pdf`, login.body.token);
    expect(run.status).toBe(200);
    const pages = await pdfPages(run.bytes);
    expect(pages).toBe(Number(run.headers.get('x-poster-count')));
    const page = await renderPage(run.bytes, 1, 100);
    const url = new URL(readQr(page)!);
    expect(`${url.origin}${url.pathname}`).toBe('https://pingjia.example.org/pages/home/index');
    const lookup = await c.get(`/api/homes/scene/${url.searchParams.get('scene')}`);
    expect((await pdfText(run.bytes, 1)).replace(/\s+/g, '')).toContain(lookup.body.home.name);
  });
});
