import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ApiError, ERRORS, ErrorCode } from '@pingjia/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { H5Fallback } from './h5-fallback';

// Fastify's own errors for bodies it refused before any handler ran.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'STATE_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  constructor(private readonly h5: H5Fallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { status, body, headers } = this.toResponse(exception, request);

    // Unknown non-API paths belong to the H5 app's router (browser-mode history).
    if (status === 404 && this.h5.handles(request)) {
      this.h5.send(reply);
      return;
    }
    if (status >= 500) {
      this.logger.error({ reqId: request.id, err: exception instanceof Error ? exception.stack : String(exception) });
    }
    for (const [k, v] of Object.entries(headers ?? {})) reply.header(k, v);
    reply.status(status).send(body);
  }

  private toResponse(exception: unknown, request: FastifyRequest) {
    if (exception instanceof DomainError) {
      return { status: exception.status, body: this.body(exception.code, exception.message, exception.fields), headers: exception.headers };
    }
    if (exception instanceof ThrottlerException) {
      return { status: 429, body: this.body('RATE_LIMITED') };
    }
    const fastifyCode = (exception as { code?: string })?.code;
    if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
      const code = FASTIFY_CODES[fastifyCode];
      const message = code === 'VALIDATION_FAILED' ? '请求体不是有效的 JSON' : undefined;
      return { status: ERRORS[code].status, body: this.body(code, message) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_CODES[status];
      if (code) return { status, body: this.body(code) };
    }
    const status = (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && STATUS_CODES[status]) {
      return { status, body: this.body(STATUS_CODES[status]) };
    }
    return { status: 500, body: { ...this.body('INTERNAL'), requestId: String(request.id) } };
  }

  private body(code: ErrorCode, message?: string, fields?: Record<string, string>): ApiError {
    const out: ApiError = { code, message: message ?? ERRORS[code].message };
    if (fields && Object.keys(fields).length) out.fields = fields;
    return out;
  }
}
