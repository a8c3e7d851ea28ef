import { randomBytes } from 'node:crypto';
import { client } from '../support/http';
import { openCycle } from '../support/campaigns';
import { ADMIN } from './global-setup';
import { allCriteria } from '../support/scores';

export const api = () => client(process.env.PINGJIA_URL!);

export const GOOD_SCORES = allCriteria({ organization: 5, rights: 4, work: 4, role: 3, trust: 5 });

/** The demo admin signed in on a server (the suites' shared one, or a suite's own): its token and province. */
export async function adminOn(on: ReturnType<typeof client>): Promise<{ token: string; provinceId: string }> {
  const res = await on.post('/api/auth/password', { body: ADMIN });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
  const provinceId = res.body.user.roles.find((r: any) => r.role === 'federation_admin').orgId;
  return { token: res.body.token, provinceId };
}

export const admin = () => adminOn(api());

/** A fresh member (dev login with a random device id). */
export async function member(): Promise<{ token: string; id: string }> {
  const res = await api().post('/api/auth/dev', { body: { openid: `m_${randomBytes(8).toString('hex')}` } });
  if (res.status !== 200) throw new Error(`member login failed: ${res.status} ${res.text}`);
  return { token: res.body.token, id: res.body.user.id };
}

export const uniq = (label: string) => `${label}${randomBytes(3).toString('hex')}`;

/** A city of its own with two open homes and an open campaign over the city. */
export async function cityWithCampaign(memberCount = 40) {
  const { token, provinceId } = await admin();
  const city = await api().post('/api/orgs', { token, body: { parentId: provinceId, name: uniq('测试市'), level: 'city' } });
  if (city.status !== 201) throw new Error(`city: ${city.status} ${city.text}`);
  const mkHome = async (name: string) => {
    const h = await api().post('/api/homes', {
      token,
      body: { orgId: city.body.id, name: uniq(name), kind: 'enterprise', memberCount, membershipMode: 'open' },
    });
    if (h.status !== 201) throw new Error(`home: ${h.status} ${h.text}`);
    return h.body;
  };
  const homeA = await mkHome('甲厂工会');
  const homeB = await mkHome('乙厂工会');
  const campaign = await openCycle(api(), token, city.body.id, uniq('年度评家'));
  return { adminToken: token, provinceId, city: city.body, homeA, homeB, campaign };
}

export const ratingPath = (campaignId: string, homeId: string) => `/api/campaigns/${campaignId}/homes/${homeId}/my-rating`;

/** A roster-mode home of its own, in a fresh city with an open campaign. */
export async function rosterHome() {
  const ctx = await cityWithCampaign();
  const home = await api().post('/api/homes', {
    token: ctx.adminToken,
    body: { orgId: ctx.city.id, name: uniq('名册之家'), kind: 'enterprise', memberCount: 50, membershipMode: 'roster' },
  });
  if (home.status !== 201) throw new Error(`home: ${home.status} ${home.text}`);
  return { ...ctx, home: home.body };
}
