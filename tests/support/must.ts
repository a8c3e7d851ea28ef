// No imports: the weapp suites (jsdom) and the node suites both use it.

/** An API answer a test's set-up needs, or an error that says which step failed and how. */
export async function must(what: string, reply: Promise<{ status: number; text: string; body: any }>, status = 200) {
  const r = await reply;
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${r.text}`);
  return r.body;
}
