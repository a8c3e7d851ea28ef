import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { OrgsModule } from '../orgs/orgs.module';
import { RectificationModule } from '../rectification/rectification.module';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';

// A home's printable dossier (申报 / 验收 材料): its dashboard figures and its rectification, as PDF.
@Module({
  imports: [OrgsModule, DashboardModule, RectificationModule],
  controllers: [DossierController],
  providers: [DossierService],
})
export class DossierModule {}
