import { Inject, Injectable } from '@nestjs/common';
import { areFiguresReleased, chinaDay } from '@pingjia/shared';
import { Readable } from 'node:stream';
import { CjkFont, findCjkFont } from '../common/cjk-font';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { newPdf, pdfStream } from '../common/pdf';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DashboardService } from '../dashboard/dashboard.service';
import { AccessPolicy } from '../orgs/access-policy';
import { RectificationService } from '../rectification/rectification.service';
import { drawDossier } from './dossier-pdf';

// A home's dossier (申报 / 验收 材料) for a closed cycle: the dashboard's own answer, printed.
@Injectable()
export class DossierService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly dashboard: DashboardService,
    private readonly rectification: RectificationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** opened on the first dossier, not at start */
  private get font(): CjkFont | null {
    return findCjkFont(this.config.oversight.posterFont);
  }

  /** Whoever may see the home's dashboard (its chair, the federations above) may download it. */
  async dossier(userId: string, homeId: string, campaignId?: string): Promise<{ pdf: Readable; homeName: string; campaignName: string }> {
    const { home, upperLevel } = await this.access.homeWithLevel(userId, homeId);
    const figures = await this.dashboard.forHome(home, upperLevel, campaignId);
    const campaign = figures.campaign;
    if (!campaign || !areFiguresReleased(campaign.status)) throw new DomainError('STATE_CONFLICT', '评议结束后才能生成评议材料');
    if (!this.font) throw new DomainError('SERVICE_UNAVAILABLE', '服务器缺少中文字体，暂不能生成 PDF');
    const plan = await this.rectification.view(campaign.id, home.id);
    const generatedOn = chinaDay(this.clock.now());
    const doc = newPdf(this.font, { title: `${home.name} ${campaign.name} 评议材料`, day: generatedOn });
    const pdf = pdfStream(doc, async function* () {
      drawDossier(doc, figures, plan, generatedOn);
      yield;
    });
    return { pdf, homeName: home.name, campaignName: campaign.name };
  }
}
