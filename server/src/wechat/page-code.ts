import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WechatClient } from './wechat.client';
import { WECHAT_ERR, WechatError } from './wechat.errors';

/** WeChat's mini-program code (a PNG), or the H5 page's address to draw as a standard QR code. */
export type PageCode = { source: 'wxacode'; png: Buffer } | { source: 'h5'; url: string };

// A code to scan for a page of the app (posters, invites): WeChat's mini-program code when WeChat is set
// up (it opens the page inside the mini-program with `scene`), else — or while the page is not released
// yet — the same page on H5 (`?<param>=<scene>`).
@Injectable()
export class PageCodes {
  private readonly logger = new Logger('PageCodes');

  constructor(
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `fallback: 'always'` takes the H5 page whenever WeChat fails (an invite must not wait for WeChat). */
  async code(
    page: string,
    scene: string,
    h5Param: string,
    width = 430,
    fallback: 'unreleased' | 'always' = 'unreleased',
  ): Promise<PageCode> {
    if (this.wechat.enabled) {
      try {
        const png = await this.wechat.wxaCodeUnlimited({ scene, page, envVersion: this.config.oversight.wxaEnvVersion, width });
        return { source: 'wxacode', png };
      } catch (e) {
        if (!(e instanceof WechatError)) throw e;
        // 41030: the page is not in the released mini-program (not published yet): the H5 page still works.
        if (fallback === 'unreleased' && e.errcode !== WECHAT_ERR.INVALID_PAGE) {
          throw new DomainError('WECHAT_UNAVAILABLE', undefined, undefined, {
            'retry-after': e.errcode === WECHAT_ERR.API_LIMIT ? '60' : '5',
          });
        }
        this.logger.warn(`WeChat gave no mini-program code for ${page} (${e.errcode}): the code falls back to the H5 link`);
      }
    }
    return { source: 'h5', url: `${this.config.publicUrl}/${page}?${h5Param}=${encodeURIComponent(scene)}` };
  }
}
