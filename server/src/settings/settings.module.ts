import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvinceSettingsRow } from './province-settings.entity';
import { ProvinceSettingsStore } from './province-settings.store';

// Province settings, read side: campaigns freeze them when they open, grievances read their limits.
// Editing (with its audit entry) is in settings-admin/, above the audit module, so that the campaigns
// module can import this one without a folder cycle (audit reads campaigns).
@Module({
  imports: [TypeOrmModule.forFeature([ProvinceSettingsRow])],
  providers: [ProvinceSettingsStore],
  exports: [ProvinceSettingsStore],
})
export class SettingsModule {}
