"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createApp = createApp;
require("reflect-metadata");
const helmet_1 = __importDefault(require("@fastify/helmet"));
const static_1 = __importDefault(require("@fastify/static"));
const core_1 = require("@nestjs/core");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const swagger_1 = require("@nestjs/swagger");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const app_module_1 = require("./app.module");
const membership_service_1 = require("./membership/membership.service");
const logger_1 = require("./common/logger");
const validation_1 = require("./common/validation");
const security_headers_1 = require("./common/security-headers");
async function createApp(config) {
    const log = (0, logger_1.createLogger)(config.logLevel);
    const adapter = new platform_fastify_1.FastifyAdapter({
        loggerInstance: log,
        genReqId: () => (0, node_crypto_1.randomUUID)(),
        bodyLimit: config.bodyLimitBytes,
        // JSON bodies with __proto__ or constructor.prototype are refused outright.
        onProtoPoisoning: 'error',
        onConstructorPoisoning: 'error',
        trustProxy: true,
    });
    // JSON only: without this Fastify would also accept text/plain bodies.
    const fastify = adapter.getInstance();
    fastify.removeContentTypeParser('text/plain');
    // Roster uploads (CSV or Excel) are the only non-JSON bodies, with a larger limit.
    const upload = { bodyLimit: 5 * 1024 * 1024 };
    fastify.addContentTypeParser('text/csv', { ...upload, parseAs: 'string' }, (_req, body, done) => done(null, body));
    fastify.addContentTypeParser(membership_service_1.XLSX_TYPE, { ...upload, parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(config), adapter, {
        logger: new logger_1.NestPinoLogger(log),
    });
    // Security headers on every answer, and a CSP that lets the H5 app run its own scripts only.
    const indexHtml = config.h5Dir ? (0, node_path_1.join)(config.h5Dir, 'index.html') : null;
    await app.register(helmet_1.default, {
        contentSecurityPolicy: { useDefaults: false, directives: (0, security_headers_1.contentSecurityPolicy)(indexHtml && (0, node_fs_1.existsSync)(indexHtml) ? indexHtml : null) },
        crossOriginEmbedderPolicy: false,
    });
    app.setGlobalPrefix('api');
    app.useGlobalPipes((0, validation_1.createValidationPipe)());
    // Signals are handled in main.ts: drain HTTP first, then close the database.
    const document = swagger_1.SwaggerModule.createDocument(app, new swagger_1.DocumentBuilder().setTitle('评家 API').setDescription('会员评家、维权诉求与职工之家看板').setVersion('0.1.0').addBearerAuth().build());
    swagger_1.SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
    if (config.h5Dir && (0, node_fs_1.existsSync)(config.h5Dir)) {
        await app.register(static_1.default, { root: config.h5Dir, prefix: '/', wildcard: false, index: ['index.html'], decorateReply: false });
    }
    return app;
}
//# sourceMappingURL=app.factory.js.map