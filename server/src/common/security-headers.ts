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
