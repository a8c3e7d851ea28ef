import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalendarDay } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { CalendarService } from './calendar.service';
import { CalendarDayDto, CalendarRangeQuery } from './dto';

// The working-day calendar behind grievance time limits: the holiday list plus admins' entries.
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/days')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  range(@Query() query: CalendarRangeQuery): Promise<{ items: CalendarDay[] }> {
    return this.calendar.range(query.from, query.to);
  }

  /** Province-level federation admins: mark a day as a holiday or a (make-up) working day. */
  @Put(':day')
  set(@CurrentUser() user: AuthUser, @Param('day') day: string, @Body() dto: CalendarDayDto): Promise<CalendarDay> {
    return this.calendar.set(user.id, day, dto.kind, dto.note ?? null);
  }

  @Delete(':day')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('day') day: string): Promise<void> {
    return this.calendar.remove(user.id, day);
  }
}
