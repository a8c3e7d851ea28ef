import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMBER_GROUP_KEYS, MemberGroup, SCORE_MAX, SCORE_MIN, VERDICT_KEYS, Verdict } from '@pingjia/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class ScoresDto {
  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: '组织健全' })
  @IsDefined() @IsInt() @Min(SCORE_MIN) @Max(SCORE_MAX)
  organization: number;

  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: '维权到位' })
  @IsDefined() @IsInt() @Min(SCORE_MIN) @Max(SCORE_MAX)
  rights: number;

  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: '工作规范' })
  @IsDefined() @IsInt() @Min(SCORE_MIN) @Max(SCORE_MAX)
  work: number;

  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: '作用明显' })
  @IsDefined() @IsInt() @Min(SCORE_MIN) @Max(SCORE_MAX)
  role: number;

  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX, description: '职工信赖' })
  @IsDefined() @IsInt() @Min(SCORE_MIN) @Max(SCORE_MAX)
  trust: number;
}

export class RatingDto {
  @ApiProperty({ type: ScoresDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScoresDto)
  scores: ScoresDto;

  @ApiProperty({ enum: VERDICT_KEYS })
  @IsIn(VERDICT_KEYS)
  verdict: Verdict;

  // Length and blank checks run after normalisation (shared commentProblem); this only bounds the body.
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ enum: MEMBER_GROUP_KEYS, isArray: true, description: '自愿填写' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MEMBER_GROUP_KEYS.length)
  @ArrayUnique()
  @IsIn(MEMBER_GROUP_KEYS, { each: true })
  groups?: MemberGroup[];
}
