import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HEAD_COUNT_MAX,
  HOME_KINDS,
  HomeKind,
  MEMBERSHIP_MODES,
  MembershipMode,
  ORG_LEVELS,
  OrgLevel,
  OWNERSHIPS,
  Ownership,
} from '@pingjia/shared';
import { IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Optional } from '../common/validation';

// The field rules of an org or home, for creating it here and editing it (structure/dto.ts). Each lists
// its checks innermost first, as a stack of them on the field registers them: the order decides which
// message a value failing several gets (common/validation.ts takes the first).
/** an org's or home's name */
export const UnitName = () => applyDecorators(Length(2, 100), IsString());
/** a home's member or worker count */
export const HeadCount = () => applyDecorators(Max(HEAD_COUNT_MAX), Min(1), IsInt());
/** a home's industry, as its staff write it */
export const Industry = () => applyDecorators(Length(1, 50), IsString());

export class CreateOrgDto {
  @ApiProperty()
  @IsUUID()
  parentId: string;

  @ApiProperty({ example: '示范区总工会' })
  @UnitName()
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
  @UnitName()
  name: string;

  @ApiProperty({ enum: HOME_KINDS })
  @IsIn(HOME_KINDS)
  kind: HomeKind;

  @ApiProperty({ description: 'members of the union: the base for participation' })
  @HeadCount()
  memberCount: number;

  @ApiPropertyOptional({ description: 'workers of the unit, for the membership rate (入会率) that 全国模范 needs' })
  @Optional()
  @HeadCount()
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
  @Industry()
  industry?: string;
}
