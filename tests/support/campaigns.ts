/** Any of the suites' HTTP clients (support/http, the weapp suite's, every-page's). */
interface MoveApi<R extends { status: number; body: any }> {
  get: (path: string, o?: { token?: string }) => Promise<R>;
  post: (path: string, o?: { token?: string; body?: unknown }) => Promise<R>;
}

/**
 * Closes or publishes a cycle as the app does: with the name and home count its confirmation shows
 * (the server refuses a close or publish without them). When the caller may not read the confirmation,
 * the move goes without, and answers the refusal itself.
 */
export async function confirmedMove<R extends { status: number; body: any }>(
  api: MoveApi<R>,
  token: string,
  id: string,
  step: 'close' | 'publish',
): Promise<R & { body: any }> {
  const shown = await api.get(`/api/campaigns/${id}/confirmation`, { token });
  const body = shown.status === 200 ? { name: shown.body.campaign.name, homes: shown.body.homes } : undefined;
  return api.post(`/api/campaigns/${id}/${step}`, { token, body });
}

/** Makes a cycle over the org (open from `agoMs` ago for 30 days) and opens it; any refusal throws. */
export async function openCycle<R extends { status: number; body: any; text: string }>(
  api: MoveApi<R>,
  token: string,
  orgId: string,
  name: string,
  agoMs = 3600e3,
) {
  const now = Date.now();
  const created = await api.post('/api/campaigns', {
    token,
    body: { orgId, name, opensAt: new Date(now - agoMs).toISOString(), closesAt: new Date(now + 30 * 86400e3).toISOString() },
  });
  if (created.status !== 201) throw new Error(`campaign: ${created.status} ${created.text}`);
  const opened = await api.post(`/api/campaigns/${created.body.id}/open`, { token });
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${opened.text}`);
  return opened.body;
}
