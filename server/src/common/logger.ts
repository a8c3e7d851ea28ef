import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';

/** Path parts that are secrets in themselves (grievance tracking codes, invite codes) never reach a log. */
export function redactUrl(url: string): string {
  return url.replace(/(\/grievances\/track\/)[^/?#]+/, '$1[redacted]').replace(/(\/invites\/)[^/?#]+/, '$1[redacted]');
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
