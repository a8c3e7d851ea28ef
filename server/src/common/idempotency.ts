import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { defer, from, lastValueFrom, mergeMap, Observable, of } from 'rxjs';
import type { AuthUser } from './auth.decorators';
import { Clock } from './clock';
import { DomainError, invalid } from './domain-error';
import { newId } from './ids';
import { isUniqueViolation, Transactions } from './transactions';

/** How long a key answers with its first result (and is then purged by the grievance sweeper). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How long a twin request waits for the first one to finish, and when an unfinished one counts as dead. */
const WAIT_MS = 10_000;
const STALE_MS = 60_000;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const IDEMPOTENT = 'idempotent';
/**
 * A staff create that is safe to double-click or retry: with an Idempotency-Key header, the same caller,
 * key and request answer with the first result instead of creating again (a different request with the
 * same key: 422 IDEMPOTENCY_MISMATCH). `scope` names the action, e.g. 'orgs.create'. Its interceptor runs
 * on these handlers only (every other request skips Nest's interceptor chain).
 */
export const Idempotent = (scope: string) =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, scope),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '8-128 of A-Z a-z 0-9 _ . : -; a retry with the same key and request answers the first result',
    }),
  );

/** Set on the request when its answer is a replay: nothing happened, so nothing is audited. */
export const REPLAYED = Symbol('idempotent-replay');

interface Req {
  user?: AuthUser;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  body?: unknown;
  [REPLAYED]?: boolean;
}

type Claim = { replay: unknown } | { id: string };

// The first request claims its key with a pending row (a unique index on scope, caller and key), runs,
// then stores its answer; a twin arriving meanwhile waits for that answer. A failed request frees its
// key, so a corrected retry goes through. The request's first write transaction also sets the row's
// `committed` in its own COMMIT (Transactions.markFirstCommit). A process that dies before storing the
// answer leaves a pending row: after STALE_MS a retry runs again only if nothing was committed; if the
// work did commit, the retry is told to look (409) and nothing is created twice.
@Injectable()
class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = this.reflector.get<string | undefined>(IDEMPOTENT, context.getHandler());
    if (!scope) return next.handle();
    const req = context.switchToHttp().getRequest<Req>();
    const header = req.headers['idempotency-key'];
    if (header === undefined || !req.user) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!IDEMPOTENCY_KEY.test(key)) throw invalid({ 'Idempotency-Key': '应为 8 到 128 个字母、数字或 _ . : -' });
    const claim = {
      scope,
      callerKey: `staff:${req.user.id}`,
      keyHash: sha256(key),
      requestHash: sha256(canonicalJson({ params: req.params ?? {}, body: req.body ?? null })),
    };
    return from(this.claim(claim)).pipe(
      mergeMap((c) => {
        if ('replay' in c) {
          req[REPLAYED] = true;
          return of(c.replay);
        }
        // The handler's one answer (lastValueFrom), its work run with the mark.
        const marked = defer(() =>
          Transactions.markFirstCommit('UPDATE idempotency_keys SET committed = ? WHERE id = ?', [true, c.id], () =>
            lastValueFrom(next.handle(), { defaultValue: undefined }),
          ),
        );
        return marked.pipe(
          mergeMap((result) => from(this.finish(c.id, result).then(() => result))),
          (source) =>
            new Observable<unknown>((sub) =>
              source.subscribe({
                next: (v) => sub.next(v),
                complete: () => sub.complete(),
                // A work that failed after a commit keeps its key: a retry must not write again.
                error: (e) => void this.release(c.id, true).finally(() => sub.error(e)),
              }),
            ),
        );
      }),
    );
  }

  private async claim(c: { scope: string; callerKey: string; keyHash: string; requestHash: string }): Promise<Claim> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const id = newId();
      try {
        await this.tx.run(
          (m) =>
            m.query(
              'INSERT INTO idempotency_keys (id, scope, caller_key, key_hash, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
              [id, c.scope, c.callerKey, c.keyHash, c.requestHash, '', this.clock.now().toISOString()],
            ),
          1,
        );
        return { id };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const [row] = (await this.tx.run((m) =>
        m.query(
          'SELECT id, request_hash AS requestHash, response, committed, created_at AS createdAt FROM idempotency_keys WHERE scope = ? AND caller_key = ? AND key_hash = ?',
          [c.scope, c.callerKey, c.keyHash],
        ),
      )) as { id: string; requestHash: string; response: string; committed: number | boolean; createdAt: string }[];
      if (!row) continue; // freed meanwhile (the first one failed): claim it again
      const age = this.clock.now().getTime() - new Date(row.createdAt).getTime();
      const dead = row.response === '' && age > STALE_MS;
      if (age > IDEMPOTENCY_TTL_MS || (dead && !row.committed)) {
        await this.release(row.id);
        continue;
      }
      if (row.requestHash !== c.requestHash) throw new DomainError('IDEMPOTENCY_MISMATCH');
      // It committed and its process died before answering: what it made is there, its answer is lost.
      if (dead) throw new DomainError('STATE_CONFLICT', '上一次提交已保存，但未能返回结果：请刷新列表查看，不要重复创建');
      if (row.response !== '') return { replay: JSON.parse(row.response) as unknown };
      if (Date.now() > deadline) throw new DomainError('STATE_CONFLICT', '上一次提交仍在处理中，请稍后刷新查看结果');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private finish(id: string, result: unknown): Promise<void> {
    return this.tx.run((m) => m.query('UPDATE idempotency_keys SET response = ? WHERE id = ?', [JSON.stringify(result ?? null), id]));
  }

  private release(id: string, onlyUncommitted = false): Promise<void> {
    const sql = `DELETE FROM idempotency_keys WHERE id = ?${onlyUncommitted ? ' AND committed = ?' : ''}`;
    return this.tx.run((m) => m.query(sql, onlyUncommitted ? [id, false] : [id]));
  }
}
