import { Controller, Get, Inject, Res } from '@nestjs/common';
import type Redis from 'ioredis';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { REDIS } from '../common/shared-state';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private shuttingDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; db: string; redis?: string }> {
    if (this.shuttingDown) {
      reply.status(503);
      return { status: 'shutting_down', db: 'up' };
    }
    // With REDIS_URL: Redis down still serves reads, but writes answer 503 until it is back: 'degraded'.
    const redis = this.redis
      ? await this.redis.ping().then(
          () => 'up',
          () => 'down',
        )
      : undefined;
    try {
      await this.dataSource.query('SELECT 1');
      return { status: redis === 'down' ? 'degraded' : 'ok', db: 'up', ...(redis ? { redis } : {}) };
    } catch {
      reply.status(503);
      return { status: 'error', db: 'down', ...(redis ? { redis } : {}) };
    }
  }
}
