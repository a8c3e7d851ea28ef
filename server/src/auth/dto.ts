import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX, PASSWORD_MIN } from '@pingjia/shared';
import { IsString, Length, Matches } from 'class-validator';

export class PasswordLoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password: string;
}

export class DevLoginDto {
  @ApiProperty({ description: 'any stable device id; only when AUTH_DEV_LOGIN=true' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{6,64}$/)
  openid: string;
}

export class WechatLoginDto {
  @ApiProperty({ description: 'code from wx.login' })
  @IsString()
  @Length(1, 128)
  code: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ description: 'at least 10 characters' })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}
