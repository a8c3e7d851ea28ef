import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CRITERIA, Criterion, MEMBER_GROUP_KEYS, MemberGroup, SCORE_MAX, SCORE_MIN, Scores, VERDICT_KEYS, Verdict } from '@pingjia/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsScore, Optional } from '../common/validation';

/**
 * The scores object's class for a criteria list: one required field per criterion, checked by shared's
 * scoreProblem (the rating form asks the same function); anything else in it is refused by the pipe.
 */
export function scoresDtoFor(criteria: readonly Criterion[]): new () => Record<string, number> {
  class ScoresDto {}
  for (const c of criteria) {
    ApiProperty({ type: 'integer', minimum: SCORE_MIN, maximum: SCORE_MAX, description: c.label })(ScoresDto.prototype, c.key);
    IsDefined()(ScoresDto.prototype, c.key);
    IsScore()(ScoresDto.prototype, c.key);
  }
  return ScoresDto as new () => Record<string, number>;
}

const ScoresDto = scoresDtoFor(CRITERIA);

export class RatingDto {
  @ApiProperty({ type: ScoresDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScoresDto)
  scores: Scores;

  @ApiProperty({ enum: VERDICT_KEYS })
  @IsIn(VERDICT_KEYS)
  verdict: Verdict;

  // Length and blank checks run after normalisation (shared commentProblem); this only bounds the body.
  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ enum: MEMBER_GROUP_KEYS, isArray: true, description: '自愿填写' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MEMBER_GROUP_KEYS.length)
  @ArrayUnique()
  @IsIn(MEMBER_GROUP_KEYS, { each: true })
  groups?: MemberGroup[];
}
