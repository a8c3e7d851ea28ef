import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/validation';

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
  @Optional()
  @IsUUID()
  orgId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(2, 100)
  name?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00' })
  @Optional()
  @IsISO8601({ strict: true })
  opensAt?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59+08:00' })
  @Optional()
  @IsISO8601({ strict: true })
  closesAt?: string;
}

export class ExtendCampaignDto {
  @ApiProperty({ example: '2027-01-15T23:59:59+08:00' })
  @IsISO8601({ strict: true })
  closesAt: string;
}

/** Close and publish carry what the admin confirmed; both are required (checked after the owner, see CampaignsService.move). */
export class ConfirmCampaignDto {
  @ApiProperty({ description: '确认时显示的评议周期名称' })
  @Optional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ description: '确认时显示的职工之家数' })
  @Optional()
  @IsInt()
  @Min(0)
  homes?: number;
}
