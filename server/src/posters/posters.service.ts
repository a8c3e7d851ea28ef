import { Inject, Injectable, Logger } from '@nestjs/common';
import QRCode from 'qrcode';
import { AccessPolicy } from '../orgs/access-policy';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WechatClient } from '../wechat/wechat.client';
import { WECHAT_ERR, WechatError } from '../wechat/wechat.errors';
import { PosterRenderer } from './poster-renderer';

const HOME_PAGE = 'pages/home/index';

export interface Poster {
  png: Buffer;
  /** wxacode: WeChat's mini-program code; h5: a standard QR code of the H5 rating page */
  source: 'wxacode' | 'h5';
  font: boolean;
}

@Injectable()
export class PostersService {
  private readonly logger = new Logger('Posters');
  private readonly renderer: PosterRenderer;

  constructor(
    private readonly access: AccessPolicy,
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.renderer = new PosterRenderer(config.oversight.posterFont);
  }

  async poster(userId: string, homeId: string): Promise<Poster> {
    const home = await this.access.homeForStaff(userId, homeId);
    let code: Buffer | null = null;
    if (this.wechat.enabled) {
      try {
        code = await this.wechat.wxaCodeUnlimited({
          scene: home.sceneToken,
          page: HOME_PAGE,
          envVersion: this.config.oversight.wxaEnvVersion,
          width: 600,
        });
      } catch (e) {
        if (!(e instanceof WechatError)) throw e;
        // 41030: the page is not in the released mini-program (not published yet): the H5 page still works.
        if (e.errcode !== WECHAT_ERR.INVALID_PAGE) {
          throw new DomainError('WECHAT_UNAVAILABLE', undefined, undefined, {
            'retry-after': e.errcode === WECHAT_ERR.API_LIMIT ? '60' : '5',
          });
        }
        this.logger.warn('WeChat refused the mini-program page (41030): poster falls back to the H5 link');
      }
    }
    const source = code ? 'wxacode' : 'h5';
    code ??= await QRCode.toBuffer(`${this.config.publicUrl}/${HOME_PAGE}?scene=${encodeURIComponent(home.sceneToken)}`, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 600,
    });
    const png = await this.renderer.render(code, {
      title: '会员评家',
      homeName: home.name,
      callToAction: source === 'wxacode' ? '微信扫一扫，为我们的职工之家打分' : '扫码为我们的职工之家打分',
      footer: '评价匿名 · 结果向会员公开',
    });
    return { png, source, font: this.renderer.hasFont };
  }
}
