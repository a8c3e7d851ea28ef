import { Controller, Get, Inject, Injectable, Logger, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeScene } from '@pingjia/shared';
import type { FastifyReply } from 'fastify';
import { Repository } from 'typeorm';
import { Public } from '../common/auth.decorators';
import { DomainError, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Home } from '../orgs/home.entity';
import { WechatClient } from '../wechat/wechat.client';
import { WechatError } from '../wechat/wechat.errors';

const HOME_PAGE = 'pages/home/index';
/** codes kept in memory: one per home scanned outside WeChat lately, so a reload costs WeChat nothing */
const CACHE_MAX = 500;
const CACHE_MS = 24 * 3600_000;

// The home's mini-program code for the H5 page opened outside WeChat ("open it in WeChat"): the code a
// member long-presses or scans with WeChat. Public, as the poster it copies; 404 where WeChat is not set up.
@Injectable()
export class MemberCodes {
  private readonly logger = new Logger('MemberCodes');
  private readonly cache = new Map<string, { png: Buffer; until: number }>();

  constructor(
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forScene(raw: string): Promise<Buffer> {
    const scene = decodeScene(raw);
    if (!scene || !this.wechat.enabled) throw notFound();
    const hit = this.cache.get(scene);
    if (hit && hit.until > Date.now()) return hit.png;
    const home = await this.homes.findOne({ where: { sceneToken: scene }, select: { id: true, sceneToken: true } });
    if (!home) throw notFound();
    const ask = () => this.wechat.wxaCodeUnlimited({ scene, page: HOME_PAGE, envVersion: this.config.oversight.wxaEnvVersion, width: 430 });
    let png: Buffer;
    try {
      // Busy or unreachable (-1) once: asked again at once, as the member is waiting on the page.
      png = await ask().catch((e: unknown) => (e instanceof WechatError && e.errcode === -1 ? ask() : Promise.reject(e)));
    } catch (e) {
      if (!(e instanceof WechatError)) throw e;
      this.logger.warn(`mini-program code refused: errcode ${e.errcode} ${e.message}`);
      throw new DomainError('WECHAT_UNAVAILABLE', undefined, undefined, { 'retry-after': '5' });
    }
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(scene, { png, until: Date.now() + CACHE_MS });
    return png;
  }
}

@ApiTags('posters')
@Controller()
export class MemberCodeController {
  constructor(private readonly codes: MemberCodes) {}

  @Public()
  @Get('homes/scene/:scene/miniprogram-code')
  @ApiProduces('image/png')
  async code(@Param('scene') scene: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const png = await this.codes.forScene(scene);
    reply.header('content-type', 'image/png');
    reply.header('cache-control', 'public, max-age=3600');
    return png;
  }
}
