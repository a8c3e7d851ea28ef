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
