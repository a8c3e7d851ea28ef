import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarDay, CalendarYears } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { CalendarService } from './calendar.service';
import { CalendarDayDto, CalendarRangeQuery, ImportArrangementDto } from './dto';

// The working-day calendar behind grievance time limits: the national holiday list (read-only) and each
// province's own entries, set by that province's admins.
@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** The national calendar; with provinceId, as that province's homes count working days. */
  @Get('calendar/days')
  range(@Query() query: CalendarRangeQuery): Promise<{ items: CalendarDay[] }> {
    return this.calendar.range(query.from, query.to, query.provinceId);
  }

  /** The province's admins: mark a day as a holiday or a (make-up) working day for the province. */
  @Put('orgs/:id/calendar/days/:day')
  set(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('day') day: string,
    @Body() dto: CalendarDayDto,
  ): Promise<CalendarDay> {
    return this.calendar.set(user.id, id, day, dto.kind, dto.note ?? null);
  }

  @Delete('orgs/:id/calendar/days/:day')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('day') day: string): Promise<void> {
    return this.calendar.remove(user.id, id, day);
  }

  /** Last, this and next year for the org's province: where each year's holidays come from, and the warning. */
  @Get('orgs/:id/calendar/years')
  years(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<CalendarYears> {
    return this.calendar.yearsFor(user.id, id);
  }

  /** The province's admins: import a year's official arrangement (replaces the province's entries of that year). */
  @Put('orgs/:id/calendar/years/:year')
  importYear(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ImportArrangementDto,
  ): Promise<CalendarYears> {
    return this.calendar.importYear(user.id, id, year, dto.days);
  }
}
