"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ErrorFilter = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const shared_1 = require("@pingjia/shared");
const domain_error_1 = require("./domain-error");
const h5_fallback_1 = require("./h5-fallback");
// Fastify's own errors for bodies it refused before any handler ran.
const FASTIFY_CODES = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
    FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};
const STATUS_CODES = {
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
let ErrorFilter = class ErrorFilter {
    h5;
    logger = new common_1.Logger('Error');
    constructor(h5) {
        this.h5 = h5;
    }
    catch(exception, host) {
        const ctx = host.switchToHttp();
        const reply = ctx.getResponse();
        const request = ctx.getRequest();
        const { status, body, headers } = this.toResponse(exception, request);
        // Unknown non-API paths belong to the H5 app's router (browser-mode history).
        if (status === 404 && this.h5.handles(request)) {
            this.h5.send(reply);
            return;
        }
        if (status >= 500) {
            this.logger.error({ reqId: request.id, err: exception instanceof Error ? exception.stack : String(exception) });
        }
        for (const [k, v] of Object.entries(headers ?? {}))
            reply.header(k, v);
        reply.status(status).send(body);
    }
    toResponse(exception, request) {
        if (exception instanceof domain_error_1.DomainError) {
            return { status: exception.status, body: this.body(exception.code, exception.message, exception.fields), headers: exception.headers };
        }
        if (exception instanceof throttler_1.ThrottlerException) {
            return { status: 429, body: this.body('RATE_LIMITED') };
        }
        const fastifyCode = exception?.code;
        if (fastifyCode && FASTIFY_CODES[fastifyCode]) {
            const code = FASTIFY_CODES[fastifyCode];
            const message = code === 'VALIDATION_FAILED' ? '请求体不是有效的 JSON' : undefined;
            return { status: shared_1.ERRORS[code].status, body: this.body(code, message) };
        }
        if (exception instanceof common_1.HttpException) {
            const status = exception.getStatus();
            const code = STATUS_CODES[status];
            if (code)
                return { status, body: this.body(code) };
        }
        const status = exception?.statusCode;
        if (typeof status === 'number' && STATUS_CODES[status]) {
            return { status, body: this.body(STATUS_CODES[status]) };
        }
        return { status: 500, body: { ...this.body('INTERNAL'), requestId: String(request.id) } };
    }
    body(code, message, fields) {
        const out = { code, message: message ?? shared_1.ERRORS[code].message };
        if (fields && Object.keys(fields).length)
            out.fields = fields;
        return out;
    }
};
exports.ErrorFilter = ErrorFilter;
exports.ErrorFilter = ErrorFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [h5_fallback_1.H5Fallback])
], ErrorFilter);
//# sourceMappingURL=error.filter.js.map