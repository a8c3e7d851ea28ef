import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenVerifier } from '../auth/token-verifier';
import type { AuthUser } from '../common/auth.decorators';
import { DashboardAnswers, JSON_TYPE, OrgDashboardParams } from './dashboard-answers';

type Read = (user: AuthUser, req: FastifyRequest) => Buffer | undefined;

// Dashboards answered from the caches without Nest's pipeline (guards, pipes, rxjs): when the token holds
// (`TokenVerifier.caller`, as the auth guard checks it), and DashboardAnswers has both the access decision
// for that caller, token version and target and the answer's bytes, they are sent from one onRequest hook.
// Anything missing, or anything wrong with the request, and the request goes on to Nest unchanged, which
// decides, refuses and fills the caches: this path never decides anything itself. Reads are not rate-limited.
@Injectable()
export class CachedReads {
  /** by the route's URL as fastify knows it (the global prefix 'api' included) */
  private readonly reads: Map<string, Read>;
  /** the answer's headers but its length, as name, value, name, value… */
  private head: string[] = [];

  constructor(
    private readonly tokens: TokenVerifier,
    answers: DashboardAnswers,
  ) {
    const id = (req: FastifyRequest) => (req.params as { id: string }).id;
    const params = (req: FastifyRequest) => req.query as OrgDashboardParams;
    this.reads = new Map<string, Read>([
      ['/api/homes/:id/dashboard', (user, req) => answers.cachedHome(user, id(req), params(req).campaignId)],
      ['/api/orgs/:id/dashboard', (user, req) => answers.cachedOrg(user, id(req), params(req))],
    ]);
  }

  /**
   * Adds the hook, before the security headers' onRequest hook: an answer given here is written whole by
   * `send` (the security headers, content type, no-store and length, in the order they have on Nest's
   * answers), and the onResponse hook (the request's log line) runs for it as for any answer.
   */
  register(fastify: FastifyInstance, securityHeaders: Record<string, string>): void {
    this.head = [...Object.entries(securityHeaders).flat(), 'content-type', JSON_TYPE, 'cache-control', 'no-store'];
    fastify.addHook('onRequest', (req, reply, done) => {
      // Cheap test on the raw URL before asking fastify which route this is.
      const read =
        req.method === 'GET' && req.url.startsWith('/api/') && req.url.includes('/dashboard')
          ? this.reads.get(req.routeOptions.url ?? '')
          : undefined;
      if (!read) return done();
      // The token verified before and the version known: all of it now, no promise.
      const now = this.tokens.callerNow(req.headers.authorization);
      if (now) {
        let bytes: Buffer | undefined;
        try {
          bytes = read(now, req);
        } catch {
          return done();
        }
        return bytes ? this.send(reply, bytes) : done();
      }
      this.answer(read, req, reply).then(
        (sent) => sent || done(),
        () => done(),
      );
    });
  }

  /** true when the answer was sent; false (or a throw) hands the request to Nest */
  private async answer(read: Read, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const header = req.headers.authorization;
    // Nothing cached under the name the token gives: no need to check its signature here.
    const claimed = this.tokens.claimed(header);
    if (!claimed || !read(claimed, req)) return false;
    const user = await this.tokens.caller(header);
    // Looked up again for the verified caller, and after the wait (the span may have ended meanwhile).
    const bytes = read(user, req);
    if (!bytes) return false;
    this.send(reply, bytes);
    return true;
  }

  /** The answer, written as Nest's would be (status line, headers in its order, body) without fastify's reply pipeline. */
  private send(reply: FastifyReply, bytes: Buffer): void {
    const head = this.head.slice();
    head.push('content-length', String(bytes.length));
    reply.hijack();
    reply.raw.writeHead(200, head);
    reply.raw.end(bytes);
  }
}
