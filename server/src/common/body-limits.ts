import { textCharacterProblem } from '@pingjia/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

// Every JSON body is bounded before anything walks it deeply (class-transformer and class-validator
// recurse, and a body nested a few thousand levels overflowed their stack: a 500 on every write route):
// its nesting depth is counted on the raw text before parsing, then the parsed value's keys and array
// items are counted and every string is checked against the shared text rule — iteratively, so no
// body can make this code recurse.

export interface BodyLimits {
  /** deepest nesting of objects and arrays (BODY_MAX_DEPTH) */
  maxDepth: number;
  /** object keys and array items over the whole body (BODY_MAX_KEYS) */
  maxKeys: number;
}

/** Whether a JSON text nests objects/arrays deeper than max, counted without parsing (strings skipped). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The first problem of a parsed body: too many keys, or a string with characters the text rule refuses. */
export function bodyProblem(body: unknown, maxKeys: number): { message: string; fields?: Record<string, string> } | null {
  const stack: Array<[unknown, string]> = [[body, '']];
  let keys = 0;
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textCharacterProblem(value);
      if (problem) return { message: '提交的文字包含不允许的字符', fields: { [path || 'body']: problem } };
    } else if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      keys += entries.length;
      if (keys > maxKeys) return { message: `请求体的字段和条目合计不能超过 ${maxKeys} 个` };
      for (const [k, v] of entries) stack.push([v, path ? `${path}.${k}` : k]);
    }
  }
  return null;
}

/**
 * Replaces Fastify's JSON parser with the same parser (proto and constructor poisoning refused) behind
 * the bounds above. Registered with Nest's own body parsers off, so form-encoded bodies are a 415.
 */
export function registerBoundedJson(fastify: FastifyInstance, limits: BodyLimits): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonDepthExceeds(body as string, limits.maxDepth)) {
      done(new DomainError('VALIDATION_FAILED', `请求体的嵌套不能超过 ${limits.maxDepth} 层`), undefined);
      return;
    }
    parse(req, body as string, (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      const problem = bodyProblem(value, limits.maxKeys);
      if (problem) return done(new DomainError('VALIDATION_FAILED', problem.message, problem.fields), undefined);
      done(null, value);
    });
  });
}

/**
 * CSV and Excel bodies are accepted on the two upload routes only (a home's roster, a bulk import):
 * elsewhere a 415 (never a throw: a parser runs outside Nest).
 */
export function uploadRoutesOnly(req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void {
  if (!/\/(roster|imports)$/.test(req.routeOptions.url ?? '')) done(new DomainError('UNSUPPORTED_MEDIA_TYPE'), undefined);
  else done(null, body);
}
