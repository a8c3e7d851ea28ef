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
