import { ApiProperty } from '@nestjs/swagger';
import type { ProvinceSettings } from '@pingjia/shared';
import { IsObject } from 'class-validator';

export class UpdateProvinceSettingsDto {
  @ApiProperty({
    description:
      '完整的省级设置（shared ProvinceSettings）：thresholds（称号线、有效参评率，以万分比计；显示评分/留言的最少人数，不少于 5 / 10）与 grievances（时限与逐级催办、上报，以工作日计）',
  })
  @IsObject()
  settings: ProvinceSettings;
}
