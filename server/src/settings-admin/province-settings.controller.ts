import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ProvinceSettingsView } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { UpdateProvinceSettingsDto } from './dto';
import { ProvinceSettingsService } from './province-settings.service';

// A province's settings: read by any admin in the province, changed by the province's own admins.
// A change applies to campaigns opened after it; open and past ones keep the copy they froze.
@ApiTags('settings')
@ApiBearerAuth()
@Controller('orgs/:id/settings')
export class ProvinceSettingsController {
  constructor(private readonly settings: ProvinceSettingsService) {}

  /** The settings of the province the org lies in. */
  @Get()
  view(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<ProvinceSettingsView> {
    return this.settings.view(user.id, id);
  }

  /** The province's admins: replace its settings (the whole object; field errors by path, e.g. thresholds.minSlice). */
  @Put()
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateProvinceSettingsDto,
  ): Promise<ProvinceSettingsView> {
    return this.settings.update(user.id, id, dto.settings);
  }
}
