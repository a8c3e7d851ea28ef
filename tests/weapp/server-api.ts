// The tests' own view of the server, over plain HTTP: what to open and what to check afterwards.
// Nothing here goes through the mini-program.
import { ADMIN } from './global-setup';
import { jsonClient } from './node-http';
import { confirmedMove } from '../support/campaigns';

export const api = () => jsonClient(process.env.PINGJIA_URL!);

function must<T = any>(what: string, reply: { status: number; text: string; body: any }, status = 200): T {
  if (reply.status !== status) throw new Error(`${what}: HTTP ${reply.status} ${reply.text}`);
  return reply.body as T;
}

export async function adminLogin(): Promise<{ token: string; provinceId: string }> {
  const body = must('admin login', await api().post('/api/auth/password', { body: ADMIN }));
  const grant = body.user.roles.find((r: { role: string }) => r.role === 'federation_admin');
  return { token: body.token, provinceId: grant.orgId };
}

export interface DemoHome {
  id: string;
  name: string;
  sceneToken: string;
  orgName: string;
}

/** The homes in the demo province's org tree (seeded with the server, and any the tests added since). */
export async function listHomes(token: string, provinceId: string): Promise<DemoHome[]> {
  const homes: DemoHome[] = [];
  const walk = async (orgId: string, orgName: string) => {
    const { items } = must('children', await api().get(`/api/orgs/${orgId}/children`, { token }));
    for (const item of items) {
      if (item.type === 'home') homes.push({ id: item.id, name: item.name, sceneToken: item.sceneToken, orgName });
      else await walk(item.id, item.name);
    }
  };
  await walk(provinceId, '');
  if (!homes.length) throw new Error('the demo seed has no homes');
  return homes;
}

/** The demo homes as seeded, listed by global-setup before any test ran: the tree lists orgs by name, so a
 *  city a test adds (in parallel) would otherwise shift which home an index picks. */
export function demoHomes(): DemoHome[] {
  const listed = process.env.WEAPP_DEMO_HOMES;
  if (!listed) throw new Error('WEAPP_DEMO_HOMES not set: run through tests/weapp/jest.config.js');
  return JSON.parse(listed) as DemoHome[];
}

export async function homeDashboard(token: string, homeId: string, campaignId?: string) {
  const q = campaignId ? `?campaignId=${campaignId}` : '';
  return must('dashboard', await api().get(`/api/homes/${homeId}/dashboard${q}`, { token }));
}

/** The member's own rating as the server holds it, or null (404). */
export async function myRating(memberToken: string, campaignId: string, homeId: string) {
  const reply = await api().get(`/api/campaigns/${campaignId}/homes/${homeId}/my-rating`, { token: memberToken });
  if (reply.status === 404) return null;
  return must('my-rating', reply).rating;
}

/** A fresh member who logs in with a device id (AUTH_DEV_LOGIN): someone other than the app's user. */
export async function otherMemberToken(): Promise<string> {
  const openid = `weapp_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  return must('dev login', await api().post('/api/auth/dev', { body: { openid } })).token;
}

/** Another member's rating: figures for the chair's dashboard to show. */
export async function rateAsNewMember(campaignId: string, homeId: string, body: unknown): Promise<void> {
  const token = await otherMemberToken();
  must('rating', await api().put(`/api/campaigns/${campaignId}/homes/${homeId}/my-rating`, { token, body }), 201);
}

/** A city of the test's own under the demo province, with one open home and an open campaign over
 *  the city: figures nobody else touches. */
export async function ownCityWithCampaign(token: string, provinceId: string, memberCount = 40) {
  const tag = Math.random().toString(36).slice(2, 8);
  const city = must(
    'city',
    await api().post('/api/orgs', { token, body: { parentId: provinceId, name: `模拟器测试市${tag}`, level: 'city' } }),
    201,
  );
  const home = must(
    'home',
    await api().post('/api/homes', {
      token,
      body: { orgId: city.id, name: `模拟器测试厂工会${tag}`, kind: 'enterprise', memberCount, membershipMode: 'open' },
    }),
    201,
  );
  const now = Date.now();
  const created = must(
    'campaign',
    await api().post('/api/campaigns', {
      token,
      body: {
        orgId: city.id,
        name: `模拟器评家${tag}`,
        opensAt: new Date(now - 3600e3).toISOString(),
        closesAt: new Date(now + 30 * 86400e3).toISOString(),
      },
    }),
    201,
  );
  const campaign = must('open campaign', await api().post(`/api/campaigns/${created.id}/open`, { token }));
  return {
    city,
    home: home as { id: string; name: string; memberCount: number; sceneToken: string },
    campaign: campaign as { id: string; name: string; closesAt: string },
  };
}

export async function closeCampaign(token: string, campaignId: string): Promise<void> {
  must('close campaign', await confirmedMove(api(), token, campaignId, 'close'));
}
