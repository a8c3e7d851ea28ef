// Plain HTTP over node:http. The simulator runs under jsdom, which has no fetch; both the app's
// wx.request and the tests' own API calls go through this, to the real server.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** the JSON body, or the text when it is not JSON */
  body: any;
}

export interface HttpOptions {
  body?: string | Buffer;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export class HttpTimeout extends Error {}

export function httpCall(method: string, url: string, opts: HttpOptions = {}): Promise<HttpReply> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string | number> = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
  return new Promise((resolve, reject) => {
    const req = send(target, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON: keep the text */
        }
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: flat, text, body });
      });
    });
    if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new HttpTimeout(`timeout after ${opts.timeoutMs} ms`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A JSON client for the tests' own checks against the server (what the app does not show). */
export function jsonClient(base: string) {
  const call = (method: string, path: string, o: { token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    return httpCall(method, base + path, { headers, body: o.body === undefined ? undefined : JSON.stringify(o.body), timeoutMs: 15_000 });
  };
  return {
    get: (path: string, o?: { token?: string }) => call('GET', path, o),
    post: (path: string, o?: { token?: string; body?: unknown }) => call('POST', path, o),
    put: (path: string, o?: { token?: string; body?: unknown }) => call('PUT', path, o),
  };
}
