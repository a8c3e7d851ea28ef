import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../auth/user.entity';
import { DomainError } from '../common/domain-error';
import { WechatClient } from '../wechat/wechat.client';

// User-written text goes through WeChat's msg_sec_check before anyone else sees it:
// pass → published; review, WeChat unavailable or not configured → held until staff approve;
// risky → refused (422) with a neutral message.
/** published at once, or held until staff approve */
export type ModerationVerdict = 'approved' | 'held';

@Injectable()
export class ModerationService {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly wechat: WechatClient,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** `openid`: the user's, when the caller has read it already (undefined: read here). */
  async check(userId: string, text: string, openid?: string | null): Promise<ModerationVerdict> {
    if (!this.wechat.enabled) return 'held';
    if (openid === undefined)
      openid = (await this.users.findOne({ where: { id: userId }, select: { id: true, openid: true } }))?.openid ?? null;
    if (!openid) return 'held';
    try {
      const verdict = await this.wechat.moderateText(openid, text);
      if (verdict === 'risky') throw new DomainError('CONTENT_REFUSED');
      return verdict === 'pass' ? 'approved' : 'held';
    } catch (e) {
      if (e instanceof DomainError) throw e;
      this.logger.warn(`moderation unavailable, text held: ${(e as Error).message}`);
      return 'held';
    }
  }
}
