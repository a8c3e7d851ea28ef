import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class MembershipDto {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiProperty({ example: 'GH2026001' })
  @IsString()
  @Length(1, 50)
  memberNo: string;
}

export class ResetBindingDto extends MembershipDto {
  @ApiProperty({ example: '会员更换手机，原微信账号无法使用', description: 'why; kept in the audit log (no personal data)' })
  @IsString()
  @Length(2, 200)
  reason: string;
}
