import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CreateCampaignDto {
  @ApiProperty()
  @IsUUID()
  orgId: string;

  @ApiProperty({ example: '2026年度会员评家' })
  @IsString()
  @Length(2, 100)
  name: string;

  @ApiProperty({ example: '2026-12-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiProperty({ example: '2026-12-31T23:59:59+08:00' })
  @IsISO8601({ strict: true })
  closesAt: string;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional({ description: '改由这一组织（及其下级）参评；须是你管理的组织' })
  @IsOptional()
  @IsUUID()
  orgId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 100)
  name?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  opensAt?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;
}

export class ExtendCampaignDto {
  @ApiProperty({ example: '2027-01-15T23:59:59+08:00' })
  @IsISO8601({ strict: true })
  closesAt: string;
}
