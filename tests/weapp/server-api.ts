// The tests' own view of the server, over plain HTTP: what to open and what to check afterwards.
// Nothing here goes through the mini-program.
import { ADMIN } from './global-setup';
import { jsonClient } from './node-http';

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

/** The demo homes as the federation admin sees them in the org tree (seeded with the server). */
export async function demoHomes(token: string, provinceId: string): Promise<DemoHome[]> {
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

/** A rating from a fresh member who logs in with a device id (AUTH_DEV_LOGIN): other people's
 *  ratings, for figures the chair's dashboard can show. */
export async function rateAsNewMember(campaignId: string, homeId: string, body: unknown): Promise<void> {
  const openid = `weapp_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const { token } = must('dev login', await api().post('/api/auth/dev', { body: { openid } }));
  must('rating', await api().put(`/api/campaigns/${campaignId}/homes/${homeId}/my-rating`, { token, body }), 201);
}
