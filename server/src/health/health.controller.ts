import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth.decorators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private shuttingDown = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; db: string }> {
    if (this.shuttingDown) {
      reply.status(503);
      return { status: 'shutting_down', db: 'up' };
    }
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch {
      reply.status(503);
      return { status: 'error', db: 'down' };
    }
  }
}
