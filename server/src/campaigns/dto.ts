import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';

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
