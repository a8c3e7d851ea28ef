import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOME_KINDS, HomeKind, MEMBERSHIP_MODES, MembershipMode, ORG_LEVELS, OrgLevel, OWNERSHIPS, Ownership } from '@pingjia/shared';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Optional } from '../common/validation';

export class CreateOrgDto {
  @ApiProperty()
  @IsUUID()
  parentId: string;

  @ApiProperty({ example: '示范区总工会' })
  @IsString()
  @Length(2, 100)
  name: string;

  @ApiProperty({ enum: ORG_LEVELS })
  @IsIn(ORG_LEVELS)
  level: OrgLevel;
}

export class CreateHomeDto {
  @ApiProperty()
  @IsUUID()
  orgId: string;

  @ApiProperty({ example: '某某公司工会职工之家' })
  @IsString()
  @Length(2, 100)
  name: string;

  @ApiProperty({ enum: HOME_KINDS })
  @IsIn(HOME_KINDS)
  kind: HomeKind;

  @ApiProperty({ description: 'members of the union: the base for participation' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  memberCount: number;

  @ApiPropertyOptional({ description: 'workers of the unit, for the membership rate (入会率) that 全国模范 needs' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  workerCount?: number;

  @ApiProperty({ enum: MEMBERSHIP_MODES })
  @IsIn(MEMBERSHIP_MODES)
  membershipMode: MembershipMode;

  @ApiPropertyOptional({ enum: OWNERSHIPS })
  @Optional()
  @IsIn(OWNERSHIPS)
  ownership?: Ownership;

  @ApiPropertyOptional({ example: '制造业' })
  @Optional()
  @IsString()
  @Length(1, 50)
  industry?: string;
}
