"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.NestPinoLogger = void 0;
exports.redactUrl = redactUrl;
exports.createLogger = createLogger;
const pino_1 = __importDefault(require("pino"));
/** Path parts that are secrets in themselves (grievance tracking codes, invite codes) never reach a log. */
function redactUrl(url) {
    return url.replace(/(\/grievances\/track\/)[^/?#]+/, '$1[redacted]').replace(/(\/invites\/)[^/?#]+/, '$1[redacted]');
}
// One structured logger (pino, JSON lines) for Fastify's request logs and Nest's own messages.
// Authorization headers, cookies, idempotency keys and secret path parts are never written.
function createLogger(level, destination) {
    const options = {
        level,
        base: undefined,
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'], remove: true },
        formatters: {
            log(object) {
                const req = object.req;
                if (req && typeof req.url === 'string')
                    return { ...object, req: { ...req, url: redactUrl(req.url) } };
                return object;
            },
        },
    };
    return destination ? (0, pino_1.default)(options, destination) : (0, pino_1.default)(options);
}
class NestPinoLogger {
    out;
    constructor(out) {
        this.out = out;
    }
    log(message, context) {
        this.out.info({ context }, String(message));
    }
    error(message, trace, context) {
        this.out.error({ context, trace }, typeof message === 'string' ? message : JSON.stringify(message));
    }
    warn(message, context) {
        this.out.warn({ context }, String(message));
    }
    debug(message, context) {
        this.out.debug({ context }, String(message));
    }
    verbose(message, context) {
        this.out.trace({ context }, String(message));
    }
}
exports.NestPinoLogger = NestPinoLogger;
//# sourceMappingURL=logger.js.map