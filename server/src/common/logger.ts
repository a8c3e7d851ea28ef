import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

// One structured logger (pino, JSON lines) for Fastify's request logs and Nest's own messages.
// Authorization headers and cookies are never written.
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'], remove: true },
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
