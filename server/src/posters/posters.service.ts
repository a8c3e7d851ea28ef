import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { Repository } from 'typeorm';
import { chinaDay } from '@pingjia/shared';
import { CjkFont, findCjkFont } from '../common/cjk-font';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { qrcode } from '../common/on-demand';
import { newPdf, pdfStream } from '../common/pdf';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccessPolicy } from '../orgs/access-policy';
import { Home } from '../orgs/home.entity';
import { PageCodes } from '../wechat/page-code';
import { drawPosterPage, POSTER_TEXT, PosterCode } from './poster-pdf';
import { PosterRenderer } from './poster-renderer';

const HOME_PAGE = 'pages/home/index';
/** A print run is one PDF; past this many homes print per county or union instead. */
const MAX_PRINT_RUN = 3000;
/** Codes fetched ahead of the page being drawn: WeChat's answer time, not our drawing, is what a run waits on. */
const LOOKAHEAD = 8;

export interface Poster {
  png: Buffer;
  /** wxacode: WeChat's mini-program code; h5: a standard QR code of the H5 rating page */
  source: 'wxacode' | 'h5';
  font: boolean;
}

type PosterHome = Pick<Home, 'id' | 'name' | 'sceneToken'>;

@Injectable()
export class PostersService {
  private readonly logger = new Logger('Posters');
  private drawer: PosterRenderer | null = null;

  constructor(
    private readonly access: AccessPolicy,
    private readonly codes: PageCodes,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  // The font file and the canvas library are opened on the first poster, not at start.
  private get font(): CjkFont | null {
    return findCjkFont(this.config.oversight.posterFont);
  }

  private get renderer(): PosterRenderer {
    this.drawer ??= new PosterRenderer(this.font);
    return this.drawer;
  }

  async poster(userId: string, homeId: string): Promise<Poster> {
    const home = await this.access.homeForStaff(userId, homeId);
    const code = await this.code(home, 600);
    const png = await this.renderer.render(
      code.source === 'wxacode'
        ? code.png
        : await qrcode().toBuffer(code.url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 }),
      {
        title: POSTER_TEXT.title,
        homeName: home.name,
        callToAction: POSTER_TEXT.callToAction(code.source),
        footer: POSTER_TEXT.footer,
      },
    );
    return { png, source: code.source, font: this.renderer.hasFont };
  }

  /** One home's A4 poster as a one-page PDF (staff of the home or above). */
  async posterPdf(userId: string, homeId: string): Promise<{ pdf: Readable; homeName: string; font: boolean }> {
    const home = await this.access.homeForStaff(userId, homeId);
    const code = await this.code(home); // before the stream starts, so a WeChat failure is still a clean 503
    return { pdf: this.document(home.name, [home], [Promise.resolve(code)]), homeName: home.name, font: !!this.font };
  }

  /** A print run: one A4 page per active home of the org's subtree, in tree order then by name (federation admins). */
  async printRun(userId: string, orgId: string): Promise<{ pdf: Readable; orgName: string; count: number; font: boolean }> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const homes: PosterHome[] = await this.homes
      .createQueryBuilder('h')
      .select(['h.id', 'h.name', 'h.sceneToken'])
      .where('h.org_path LIKE :path', { path: `${org.path}%` })
      .andWhere('h.deactivated_at IS NULL') // a deactivated home's code no longer opens it
      .orderBy('h.org_path', 'ASC')
      .addOrderBy('h.name', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .take(MAX_PRINT_RUN + 1)
      .getMany();
    if (!homes.length) throw new DomainError('STATE_CONFLICT', '该单位下还没有职工之家，无需打印海报');
    if (homes.length > MAX_PRINT_RUN)
      throw new DomainError('STATE_CONFLICT', `一次最多打印 ${MAX_PRINT_RUN} 家的海报，请按下级单位分批打印`);
    // The first code is fetched before the answer starts, so an unreachable WeChat is a clean 503.
    const first = await this.code(homes[0]);
    return { pdf: this.document(org.name, homes, [Promise.resolve(first)]), orgName: org.name, count: homes.length, font: !!this.font };
  }

  private document(title: string, homes: PosterHome[], fetched: Promise<PosterCode>[]): Readable {
    const doc = newPdf(this.font, { title: `${title} 评议海报`, day: chinaDay(this.clock.now()) });
    const font = !!this.font;
    const codes = [...fetched];
    const fetchNext = () => {
      const p = this.code(homes[codes.length]);
      p.catch(() => undefined); // awaited in turn below; a client gone early must not leave it unhandled
      codes.push(p);
    };
    return pdfStream(doc, async function* () {
      for (let i = 0; i < homes.length; i++) {
        // A few codes in flight; a failure mid-run ends the answer early (the client sees a broken download).
        while (codes.length < Math.min(homes.length, i + 1 + LOOKAHEAD)) fetchNext();
        drawPosterPage(doc, homes[i].name, await codes[i], font);
        yield;
      }
    });
  }

  /** `width`: pixels asked of WeChat; the PDF prints the code 10.6 cm wide, so 430 (WeChat's default) is ~100 dpi. */
  private code(home: PosterHome, width = 430): Promise<PosterCode> {
    return this.codes.code(HOME_PAGE, home.sceneToken, 'scene', width);
  }
}
