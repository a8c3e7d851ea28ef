export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** A plain HTTP call: nothing mocked, the answer as the server sent it. */
export async function call<T = any>(base: string, method: string, path: string, opts: RequestOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  // A GET may race the server closing an idle keep-alive socket (ECONNRESET on a loaded machine): one retry.
  const send = () => fetch(base + path, { method, headers, body });
  const res = await send().catch((e) =>
    method === 'GET' && /ECONNRESET|other side closed/.test(String(e?.cause?.message ?? e)) ? send() : Promise.reject(e),
  );
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export function client(base: string) {
  return {
    get: <T = any>(path: string, opts?: RequestOptions) => call<T>(base, 'GET', path, opts),
    post: <T = any>(path: string, opts?: RequestOptions) => call<T>(base, 'POST', path, opts),
    put: <T = any>(path: string, opts?: RequestOptions) => call<T>(base, 'PUT', path, opts),
    del: <T = any>(path: string, opts?: RequestOptions) => call<T>(base, 'DELETE', path, opts),
  };
}
