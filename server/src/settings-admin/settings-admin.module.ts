import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { SettingsModule } from '../settings/settings.module';
import { ProvinceSettingsController } from './province-settings.controller';
import { ProvinceSettingsService } from './province-settings.service';

// Editing province settings, audited (the read side is settings/, which campaigns and grievances import).
@Module({
  imports: [SettingsModule, OrgsModule, AuditModule],
  controllers: [ProvinceSettingsController],
  providers: [ProvinceSettingsService],
})
export class SettingsAdminModule {}
