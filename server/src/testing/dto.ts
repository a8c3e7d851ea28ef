import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString } from 'class-validator';
import { Optional } from '../common/validation';

export class ClockDto {
  @ApiPropertyOptional({ description: '向前拨动的毫秒数' })
  @Optional()
  @IsInt()
  advanceMs?: number;

  @ApiPropertyOptional({ description: '拨到这一时刻（ISO 8601）' })
  @Optional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ description: '停在这一时刻（与 to 一起用）：边界可以精确到毫秒' })
  @Optional()
  @IsBoolean()
  stopped?: boolean;
}
