import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';

export class ClockDto {
  @ApiPropertyOptional({ description: '向前拨动的毫秒数' })
  @IsOptional()
  @IsInt()
  advanceMs?: number;

  @ApiPropertyOptional({ description: '拨到这一时刻（ISO 8601）' })
  @IsOptional()
  @IsString()
  to?: string;
}
