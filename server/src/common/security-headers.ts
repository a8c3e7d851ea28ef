import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256 sources for the inline scripts of the built H5 page (Taro's rem script), so no 'unsafe-inline' is needed. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1].trim()) hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The Content-Security-Policy for everything we serve: our own scripts only (plus the hashed inline
 * ones of the H5 page), no plugins, no framing, requests to our own origin only. Styles allow inline
 * attributes because React sets `style` on elements; user text is always rendered as text, never HTML.
 */
export function contentSecurityPolicy(indexHtmlPath: string | null): Record<string, string[]> {
  const hashes = indexHtmlPath ? inlineScriptHashes(readFileSync(indexHtmlPath, 'utf8')) : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...hashes],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * The headers helmet sets with these options, computed once at start: they are the same on every answer,
 * and helmet re-reads its CSP directives on each request (a measurable share of a cached dashboard's cost).
 */
export async function securityHeaders(options: Record<string, unknown>): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(fastifyHelmet as never, options);
  probe.get('/', (_req, reply) => void reply.send(''));
  const res = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  const own = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.fromEntries(
    Object.entries(res.headers)
      .filter(([k, v]) => !own.has(k) && typeof v === 'string')
      .map(([k, v]) => [k, v as string]),
  );
}
