import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { fakeWechat } from '../support/wechat';
import { client } from '../support/http';
import { startServer, RunningServer } from '../support/server';
import { api, chairOf, createHome, freshCity } from './oversight.fixtures';

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
});
