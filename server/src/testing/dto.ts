import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';

export class ClockDto {
  @ApiPropertyOptional({ description: '向前拨动的毫秒数' })
  @IsOptional()
  @IsInt()
  advanceMs?: number;

  @ApiPropertyOptional({ description: '拨到这一时刻（ISO 8601）' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ description: '停在这一时刻（与 to 一起用）：边界可以精确到毫秒' })
  @IsOptional()
  @IsBoolean()
  stopped?: boolean;
}
