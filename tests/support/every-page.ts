// Shared by the "every page" suites (H5 in Chromium, weapp in WeChat's simulator): the routes the app
// declares, so a page added to app.config.ts without a test fails both, and the data their pages open on.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './server';
import { confirmedMove } from './campaigns';

/** Every route the app declares in miniapp/src/app.config.ts: main pages and subpackage pages. */
export function appRoutes(): Set<string> {
  const config = readFileSync(resolve(ROOT, 'miniapp/src/app.config.ts'), 'utf8');
  const main = [...config.slice(0, config.indexOf('subPackages')).matchAll(/'(pages\/[^']+)'/g)].map((m) => m[1]);
  const subs = [...config.matchAll(/root: '([^']+)',\s*pages: \[([^\]]+)\]/g)].flatMap((m) =>
    [...m[2].matchAll(/'([^']+)'/g)].map((p) => `${m[1]}/${p[1]}`),
  );
  return new Set([...main, ...subs]);
}

/** The query the rating pages (rate, thanks, membership) open with for this home's open cycle. */
export function rateQuery(
  home: { id: string; name: string; sceneToken: string },
  campaign: { id: string; name: string; closesAt: string },
): string {
  const q = {
    homeId: home.id,
    homeName: home.name,
    campaignId: campaign.id,
    campaignName: campaign.name,
    closesAt: campaign.closesAt,
    scene: home.sceneToken,
  };
  return new URLSearchParams(q).toString();
}

/** The part of an HTTP client the set-up needs (tests/support/http's client, tests/weapp/node-http's jsonClient). */
interface Poster {
  get: (path: string, o?: { token?: string }) => Promise<{ status: number; text: string; body: any }>;
  put: Poster['post'];
  post: (path: string, o?: { token?: string; body?: unknown }) => Promise<{ status: number; text: string; body: any }>;
}

const must = (what: string, res: { status: number; text: string; body: any }, status: number) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
};

/** The comments the closed cycle's raters left: ten that pass, and one the server holds for review. */
export const CLOSED_COMMENTS = Array.from({ length: 11 }, (_, i) => (i === 10 ? '待人工复核的留言' : `活动办得好${i}`));

/** A city of its own under the province with a home whose cycle is closed on 11 rated members (10 comments,
 *  1 held), and a chair invite for that home. `memberToken` logs in a new member for each rating. */
export async function closedCycleCity(api: Poster, token: string, provinceId: string, memberToken: () => Promise<string>) {
  const uniq = (label: string) => `${label}${randomBytes(3).toString('hex')}`;
  const city = must(
    'city',
    await api.post('/api/orgs', { token, body: { parentId: provinceId, name: uniq('每页测试市'), level: 'city' } }),
    201,
  );
  const home = must(
    'home',
    await api.post('/api/homes', {
      token,
      body: { orgId: city.id, name: uniq('每页测试职工之家'), kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    }),
    201,
  );
  const now = Date.now();
  const created = must(
    'campaign',
    await api.post('/api/campaigns', {
      token,
      body: {
        orgId: city.id,
        name: uniq('每页测试评家'),
        opensAt: new Date(now - 3600e3).toISOString(),
        closesAt: new Date(now + 86400e3).toISOString(),
      },
    }),
    201,
  );
  must('open', await api.post(`/api/campaigns/${created.id}/open`, { token }), 200);
  for (const [i, comment] of CLOSED_COMMENTS.entries()) {
    const body = {
      scores: { organization: 4, rights: 5, work: 4, role: 3, trust: 5 },
      verdict: i % 4 ? 'satisfied' : 'basically_satisfied',
      comment,
    };
    must('rating', await api.put(`/api/campaigns/${created.id}/homes/${home.id}/my-rating`, { token: await memberToken(), body }), 201);
  }
  must('close', await confirmedMove(api, token, created.id, 'close'), 200);
  const invite = must('invite', await api.post(`/api/homes/${home.id}/invites`, { token, body: { role: 'chair' } }), 201);
  return {
    city: city as { id: string; name: string },
    home: home as { id: string; name: string },
    closed: { id: created.id as string, name: created.name as string },
    inviteCode: invite.code as string,
  };
}

/** A chair of the home with a password account, and a one-time reset link for it made by the admin: its code. */
export async function resetCodeFor(api: Poster, token: string, homeId: string): Promise<string> {
  const invite = must('invite', await api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } }), 201);
  const username = `reset_${randomBytes(4).toString('hex')}`;
  const chair = must(
    'accept',
    await api.post(`/api/invites/${invite.code}/accept`, { body: { username, password: 'chair-password-123' } }),
    200,
  );
  const grants = must('grants', await api.get(`/api/homes/${homeId}/grants`, { token }), 200);
  const grant = grants.items.find((g: { user: { id: string } }) => g.user.id === chair.user.id);
  return must('reset', await api.post(`/api/homes/${homeId}/grants/${grant.id}/password-reset`, { token }), 201).code;
}
