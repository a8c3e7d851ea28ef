// Accepting an invite in the mini-program (oversight/pages/accept): the code arrives as the `scene` of
// WeChat's mini-program code (the invite's QR), the page says what it is for — the home, the role, who
// invited, until when — and only after "确认接受" is the role bound to this WeChat account, which then
// lands on the home's page. A used code typed by hand is refused before anything else.
import { weapp } from './harness';
import { adminLogin, api, ownCityWithCampaign } from './server-api';

describe('accepting an invite (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let admin: string;
  let home: { id: string; name: string };
  let code = '';
  let provinceName = '';

  beforeAll(async () => {
    const { token, provinceId } = await adminLogin();
    admin = token;
    provinceName = (await api().get(`/api/orgs/${provinceId}`, { token })).body.name;
    ({ home } = await ownCityWithCampaign(token, provinceId));
    const invite = await api().post(`/api/homes/${home.id}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    code = invite.body.code;
  });

  it('opens from the scanned code and shows the home, the role, the inviter and the expiry before anything is bound', async () => {
    await h.launch({ path: 'oversight/pages/accept/index', query: { scene: encodeURIComponent(code) } });
    await h.waitFor(() => h.find('accept-org')?.textContent === home.name, { message: 'the invited home by name' });
    expect(h.text('accept-role')).toBe('职工之家工会主席');
    // who invited: through which union, and by name
    expect(h.text('accept-inviter')).toContain(provinceName);
    expect(h.text('accept-expiry')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(h.find('accept-username')).toBeFalsy();
    // looking is not accepting: nobody holds the role yet
    const grants = await api().get(`/api/homes/${home.id}/grants`, { token: admin });
    expect(grants.body.items).toEqual([]);
  });

  it('binds this WeChat account once confirmed and lands on the home', async () => {
    await h.tap('accept-submit');
    await h.waitFor(() => h.find('chair-home')?.textContent === home.name, { message: "the home's page", timeoutMs: 20_000 });
    const grants = await api().get(`/api/homes/${home.id}/grants`, { token: admin });
    expect(grants.body.items).toEqual([expect.objectContaining({ role: 'chair', user: expect.objectContaining({ username: null }) })]);
    expect(h.env.requests.filter((r) => /^\/api\/invites\/[^/]+\/accept$/.test(r.path)).map((r) => r.status)).toEqual([200]);
  });

  it('refuses the used code typed by hand, in lower case, before any confirmation', async () => {
    await h.reLaunch('/oversight/pages/accept/index');
    await h.waitForId('accept-code');
    await h.type('accept-code', code.toLowerCase());
    await h.tap('accept-look');
    await h.waitFor(() => h.find('accept-error')?.textContent?.includes('已被使用'), { message: 'the used code refused' });
    expect(h.find('accept-submit')).toBeFalsy();
  });
});
