import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { XLSX_TYPE } from './common/workbook';
import { createLogger, NestPinoLogger, quietRatingRoute, requestLine } from './common/logger';
import { createValidationPipe } from './common/validation';
import { registerBoundedJson, uploadRoutesOnly } from './common/body-limits';
import { contentSecurityPolicy, securityHeaders } from './common/security-headers';
import type { AppConfig } from './config/app-config';
import { CachedReads } from './dashboard/cached-reads';
import { ATTACHMENT_TYPE, attachmentBody, attachmentRouteOnly } from './grievances/attachment-files';

/** A build output named with its content hash (js/app.7365270b.js): the name changes whenever the file does. */
const HASHED_FILE = /\.[0-9a-f]{8,}\.(js|css|png|jpe?g|svg|woff2?|ttf)(\.br|\.gz)?$/;

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const log = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: log,
    genReqId: () => randomUUID(),
    // One line per request (requestLine below) instead of fastify's two, each with the request serialised.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    // JSON bodies with __proto__ or constructor.prototype are refused outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Forwarded headers count only from the proxies TRUST_PROXY names (none by default).
    trustProxy: config.trustProxy,
  });
  // JSON only, bounded (common/body-limits.ts): without this Fastify would also accept text/plain bodies,
  // and Nest's body parsers (turned off below) would add form-encoded ones.
  const fastify = adapter.getInstance();
  fastify.removeContentTypeParser('text/plain');
  requestLine(fastify);
  quietRatingRoute(fastify, config.logLevel);
  registerBoundedJson(fastify, config.bodyLimits);
  // Roster and import uploads (CSV or Excel) are the only non-JSON bodies, on those routes only, with a larger limit.
  const upload = { bodyLimit: config.uploadLimitBytes };
  fastify.addContentTypeParser('text/csv', { ...upload, parseAs: 'string' }, uploadRoutesOnly);
  fastify.addContentTypeParser(XLSX_TYPE, { ...upload, parseAs: 'buffer' }, uploadRoutesOnly);
  // A bulk import (a province's homes) may be larger than a roster: its own limit, on its route only.
  fastify.addHook('onRoute', (route) => {
    if (route.method === 'POST' && /\/orgs\/:id\/imports$/.test(route.url)) route.bodyLimit = config.importLimitBytes;
  });
  // Grievance attachments: raw bytes on the attachment routes only, bounded as they stream in.
  fastify.addContentTypeParser(ATTACHMENT_TYPE, attachmentBody, attachmentRouteOnly);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(log),
    bodyParser: false,
  });
  // Security headers on every answer, and a CSP that lets the H5 app run its own scripts only.
  const indexHtml = config.h5Dir ? join(config.h5Dir, 'index.html') : null;
  const headers = await securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(indexHtml && existsSync(indexHtml) ? indexHtml : null) },
    crossOriginEmbedderPolicy: false,
  });
  // Cached dashboards are answered here, before Nest's pipeline, when everything they need is cached
  // (with these headers, written by the hook itself).
  app.get(CachedReads).register(fastify, headers);
  fastify.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.setGlobalPrefix('api');
  // No API answer is kept by a browser or a proxy (they carry phone numbers, names, figures): errors included.
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api') && !String(reply.getHeader('cache-control') ?? '').includes('no-store'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.useGlobalPipes(createValidationPipe());
  // Signals are handled in main.ts: drain HTTP first, then close the database.

  // The API description is built on its first request, not at start (it walks every route's metadata).
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('评家 API')
        .setDescription('会员评家、维权诉求与职工之家看板')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (config.h5Dir && existsSync(config.h5Dir)) {
    // Precompressed .br/.gz beside each file (scripts/compress-static.js at build time); file names
    // carrying a content hash never change, so they are cached for a year; the rest is revalidated.
    // Loaded only when there is an app to serve: an API-only server starts ~40-80 ms sooner without it.
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic as never, {
      root: config.h5Dir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: { header(name: string, value: string): void }, path: string) =>
        reply.header('cache-control', HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  return app;
}
