import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from '@pingjia/shared';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Optional } from '../common/validation';

export class HomeInviteDto {
  @ApiProperty({ enum: ['chair'] })
  @IsIn(['chair'])
  role: 'chair';
}

export class OrgInviteDto {
  @ApiProperty({ enum: ['federation_admin'] })
  @IsIn(['federation_admin'])
  role: 'federation_admin';
}

export class AcceptInviteDto {
  @ApiPropertyOptional({ description: 'a new H5 account (letters, digits, . _ -), or to give a WeChat account a password' })
  @Optional()
  @IsString()
  @Matches(USERNAME_PATTERN)
  username?: string;

  @ApiPropertyOptional({ description: 'at least 10 characters' })
  @Optional()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password?: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'at least 10 characters' })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;
}
