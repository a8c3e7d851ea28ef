import { request } from 'node:http';

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
  // Any request may race the server closing an idle keep-alive socket (ECONNRESET or "other side closed"
  // on a loaded machine, seen on a POST of grievance-thread.api.ts): the server closed a socket it had read
  // nothing from, so one retry on a fresh socket is safe. (A server killed mid-request — the fault suites —
  // is gone: the retry finds nobody listening and fails as before.)
  const send = () => fetch(base + path, { method, headers, body });
  const res = await send().catch((e) => (/ECONNRESET|other side closed/.test(String(e?.cause?.message ?? e)) ? send() : Promise.reject(e)));
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

/**
 * A POST whose body may be refused before it is all sent (an upload over its limit): node:http keeps an
 * answer that arrives while the body is still going out, which fetch loses. If the server's close beats
 * its answer, the write fails: `status` 0 and the error code (EPIPE, ECONNRESET).
 */
export function postBeforeBodyEnds(
  url: string,
  token: string,
  body: Buffer,
  contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): Promise<{ status: number; code?: string; error?: string }> {
  return new Promise((resolve) => {
    let answered = false;
    const req = request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length } },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: JSON.parse(text || '{}').code }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (!answered) resolve({ status: 0, error: e.code });
    });
    req.end(body);
  });
}
