import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

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
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/)
  username?: string;

  @ApiPropertyOptional({ description: 'at least 10 characters' })
  @IsOptional()
  @IsString()
  @Length(10, 200)
  password?: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'at least 10 characters' })
  @IsString()
  @Length(10, 200)
  password: string;
}
