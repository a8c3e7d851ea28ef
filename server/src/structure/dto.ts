import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOME_KINDS, HomeKind, MEMBERSHIP_MODES, MembershipMode, ORG_LEVELS, OrgLevel, OWNERSHIPS, Ownership } from '@pingjia/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Optional } from '../common/validation';
import { HeadCount, Industry, UnitName } from '../orgs/dto';

// Edits are partial: what is sent changes, what is left out stays. (PUT, not PATCH: weapp's
// wx.request has no PATCH.)
export class UpdateOrgDto {
  @ApiPropertyOptional({ example: '示范区总工会' })
  @Optional()
  @UnitName()
  name?: string;

  @ApiPropertyOptional({ enum: ORG_LEVELS })
  @Optional()
  @IsIn(ORG_LEVELS)
  level?: OrgLevel;
}

export class UpdateHomeDto {
  @ApiPropertyOptional()
  @Optional()
  @UnitName()
  name?: string;

  @ApiPropertyOptional({ enum: HOME_KINDS })
  @Optional()
  @IsIn(HOME_KINDS)
  kind?: HomeKind;

  @ApiPropertyOptional({ description: 'members of the union: the base for participation (a cycle keeps the count it opened with)' })
  @Optional()
  @HeadCount()
  memberCount?: number;

  @ApiPropertyOptional({ description: 'workers of the unit; null clears it', nullable: true })
  @IsOptional()
  @HeadCount()
  workerCount?: number | null;

  @ApiPropertyOptional({ enum: MEMBERSHIP_MODES })
  @Optional()
  @IsIn(MEMBERSHIP_MODES)
  membershipMode?: MembershipMode;

  @ApiPropertyOptional({ enum: OWNERSHIPS, nullable: true })
  @IsOptional()
  @IsIn(OWNERSHIPS)
  ownership?: Ownership | null;

  @ApiPropertyOptional({ example: '制造业', nullable: true })
  @IsOptional()
  @Industry()
  industry?: string | null;
}

export class MoveDto {
  @ApiProperty({ description: 'the new parent org (within the caller’s subtree)' })
  @IsUUID()
  parentId: string;
}

export class MergeDto {
  @ApiProperty({ description: 'the org or home that stays; the other one goes into it' })
  @IsUUID()
  intoId: string;
}
