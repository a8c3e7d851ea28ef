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
   * Adds the hook. Register it after the security headers' onRequest hook, so an answer given here carries
   * them; the onSend (no-store) and onResponse (the request's log line) hooks run for it as for any answer.
   */
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (req, reply, done) => {
      const read = req.method === 'GET' ? this.reads.get(req.routeOptions.url ?? '') : undefined;
      if (!read) return done();
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
    void reply.header('content-type', JSON_TYPE).send(bytes);
    return true;
  }
}
