import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';

// The H5 app routes in browser mode: /pages/home/index?scene=… must answer with its index.html.
@Injectable()
export class H5Fallback {
  private readonly html: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const file = config.h5Dir ? join(config.h5Dir, 'index.html') : null;
    this.html = file && existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  get available(): boolean {
    return this.html !== null;
  }

  handles(request: FastifyRequest): boolean {
    return this.html !== null && request.method === 'GET' && !request.url.startsWith('/api');
  }

  send(reply: FastifyReply): void {
    reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.html);
  }
}
