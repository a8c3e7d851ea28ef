import { LoggerService } from '@nestjs/common';
import { chinaDay } from '@pingjia/shared';
import type { FastifyInstance } from 'fastify';
import pino, { DestinationStream, Logger } from 'pino';

/**
 * Path parts that are secrets in themselves (grievance tracking codes, invite codes and the `code` of the
 * invite and password reset pages, password reset codes) never reach a log,
 * nor a grievance's id: the reporter's requests about their own anonymous grievance (reading it, feedback,
 * subscribing) would otherwise tie it to the reporter's address in the log.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/grievances\/track\/)[^/?#]+/, '$1[redacted]')
    .replace(/(\/grievances\/)[0-9a-fA-F-]{36}/, '$1[id]')
    .replace(/(\/invites\/)[^/?#]+/, '$1[redacted]')
    .replace(/(\/password-resets\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&]code=)[^&#]+/, '$1[redacted]');
}

// One structured logger (pino, JSON lines) for Fastify's request logs and Nest's own messages.
// Authorization headers, cookies, idempotency keys and secret path parts are never written.
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'], remove: true },
    formatters: {
      log(object) {
        const req = object.req as { url?: unknown } | undefined;
        if (req && typeof req.url === 'string') return { ...object, req: { ...req, url: redactUrl(req.url) } };
        return object;
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * One line per answered request at info: method, the URL with its secret parts removed, status, time and
 * address (fastify's own logging, turned off, wrote two lines, each serialising the request). Routes with
 * logLevel 'silent' (quietRatingRoute) write none.
 * The line is the one `req.log.info({ req: { method, url }, status, ms, ip }, 'request')` writes through
 * createLogger (same keys, order and level; the URL redacted as its formatter does), put together as one
 * string and handed to the logger's destination: no object, formatter or redaction pass per request (it
 * holds no header to remove).
 */
/** pino's own: the destination, and the child's bindings as it writes them (`,"reqId":"…"`). */
interface PinoInternals {
  [pino.symbols.streamSym]: DestinationStream;
  [pino.symbols.chindingsSym]: string;
}

export function requestLine(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (req, reply, done) => {
    const log = req.log as Logger & PinoInternals;
    if (log.isLevelEnabled('info')) {
      const ms = Math.round(reply.elapsedTime * 10) / 10;
      log[pino.symbols.streamSym].write(
        `{"level":30,"time":${Date.now()}${log[pino.symbols.chindingsSym]},"req":{"method":${JSON.stringify(req.method)},"url":${JSON.stringify(redactUrl(req.url))}},"status":${reply.statusCode},"ms":${ms},"ip":${JSON.stringify(req.ip)},"msg":"request"}\n`,
      );
    }
    done();
  });
}

/** The rating route (PUT and GET of a member's own rating), and filing a grievance (it may be anonymous). */
const isQuietRoute = (method: string | string[], url: string): boolean =>
  /\/my-rating$/.test(url) || (url === '/api/grievances' && [method].flat().includes('POST'));

/**
 * Whoever holds the logs must not be able to time a rating or tie it (or an anonymous grievance) to a
 * caller: those routes write no request log (no time to the millisecond, no request id, address or
 * user agent). One line per answer says the day, route, method and status only, for the access record.
 */
export function quietRatingRoute(fastify: FastifyInstance, level: string, destination?: DestinationStream): void {
  const options: pino.LoggerOptions = { level, base: undefined, timestamp: () => `,"day":"${chinaDay(Date.now())}"` };
  const daily = destination ? pino(options, destination) : pino(options);
  fastify.addHook('onRoute', (route) => {
    if (!isQuietRoute(route.method, route.url)) return;
    const name = /my-rating$/.test(route.url) ? 'rating' : 'grievance';
    route.logLevel = 'silent';
    const onResponse = (_req: unknown, reply: { statusCode: number }, done: () => void) => {
      daily.info({ route: name, method: route.method, status: reply.statusCode }, `${name} request`);
      done();
    };
    route.onResponse = [
      ...(Array.isArray(route.onResponse) ? route.onResponse : route.onResponse ? [route.onResponse] : []),
      onResponse as never,
    ];
  });
}

export class NestPinoLogger implements LoggerService {
  constructor(private readonly out: Logger) {}
  log(message: unknown, context?: string) {
    this.out.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.out.error({ context, trace }, typeof message === 'string' ? message : JSON.stringify(message));
  }
  warn(message: unknown, context?: string) {
    this.out.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.out.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.out.trace({ context }, String(message));
  }
}
