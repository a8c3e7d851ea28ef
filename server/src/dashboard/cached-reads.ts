import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenVerifier } from '../auth/token-verifier';
import type { AuthUser } from '../common/auth.decorators';
import { DashboardAnswers, JSON_TYPE, OrgDashboardParams } from './dashboard-answers';

type Read = (user: AuthUser, req: FastifyRequest) => Buffer | undefined;
/** What the controller would answer, computed and cached the same way (DashboardAnswers); throws as it does. */
type Compute = (user: AuthUser, req: FastifyRequest) => Promise<Buffer>;
interface Route {
  read: Read;
  compute?: Compute;
}

// Dashboards answered from the caches without Nest's pipeline (guards, pipes, rxjs): when the token holds
// (`TokenVerifier.caller`, as the auth guard checks it), and DashboardAnswers has both the access decision
// for that caller, token version and target and the answer's bytes, they are sent from one onRequest hook.
// A home dashboard missing from the caches is computed here too, by the controller's own call
// (DashboardAnswers.home: the same access decision, figures and caches), so a random home's dashboard
// does not pay Nest's pipeline either. Anything wrong with the request, any refusal, and the request goes
// on to Nest unchanged, which decides and refuses as it always does. Reads are not rate-limited.
@Injectable()
export class CachedReads {
  /** by the route's URL as fastify knows it (the global prefix 'api' included) */
  private readonly reads: Map<string, Route>;
  /** the answer's headers but its length, as name, value, name, value… */
  private head: string[] = [];

  constructor(
    private readonly tokens: TokenVerifier,
    answers: DashboardAnswers,
  ) {
    const id = (req: FastifyRequest) => (req.params as { id: string }).id;
    const params = (req: FastifyRequest) => req.query as OrgDashboardParams;
    this.reads = new Map<string, Route>([
      [
        '/api/homes/:id/dashboard',
        {
          read: (user, req) => answers.cachedHome(user, id(req), params(req).campaignId),
          compute: (user, req) => answers.home(user, id(req), params(req).campaignId),
        },
      ],
      ['/api/orgs/:id/dashboard', { read: (user, req) => answers.cachedOrg(user, id(req), params(req)) }],
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
      const route =
        req.method === 'GET' && req.url.startsWith('/api/') && req.url.includes('/dashboard')
          ? this.reads.get(req.routeOptions.url ?? '')
          : undefined;
      if (!route) return done();
      // The token verified before and the version known: all of it now, no promise.
      const now = this.tokens.callerNow(req.headers.authorization);
      if (now) {
        let bytes: Buffer | undefined;
        try {
          bytes = route.read(now, req);
        } catch {
          return done();
        }
        if (bytes) return this.send(reply, bytes);
        if (!route.compute) return done();
        // Not cached: computed for the verified caller; any refusal is Nest's.
        route.compute(now, req).then(
          (computed) => this.send(reply, computed),
          () => done(),
        );
        return;
      }
      this.answer(route, req, reply).then(
        (sent) => sent || done(),
        () => done(),
      );
    });
  }

  /** true when the answer was sent; false (or a throw) hands the request to Nest */
  private async answer({ read, compute }: Route, req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const header = req.headers.authorization;
    // Nothing cached under the name the token gives and nothing to compute here: no need to check its signature.
    const claimed = this.tokens.claimed(header);
    if (!claimed || (!compute && !read(claimed, req))) return false;
    const user = await this.tokens.caller(header);
    // Looked up again for the verified caller, and after the wait (the span may have ended meanwhile).
    const bytes = read(user, req) ?? (await compute?.(user, req));
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
