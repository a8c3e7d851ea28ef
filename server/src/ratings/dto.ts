import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CRITERIA, MEMBER_GROUP_KEYS, MemberGroup, SCORE_MAX, SCORE_MIN, Scores, VERDICT_KEYS, Verdict } from '@pingjia/shared';

// The rating body as the OpenAPI spec shows it. The check itself is rating-body.ts (built from the same
// criteria list); nothing here runs on a request.
class ScoresDto {}
for (const c of CRITERIA) {
  ApiProperty({ type: 'integer', minimum: SCORE_MIN, maximum: SCORE_MAX, description: c.label })(ScoresDto.prototype, c.key);
}

export class RatingDto {
  @ApiProperty({ type: ScoresDto })
  scores: Scores;

  @ApiProperty({ enum: VERDICT_KEYS })
  verdict: Verdict;

  @ApiPropertyOptional({ maxLength: 500 })
  comment?: string;

  @ApiPropertyOptional({ enum: MEMBER_GROUP_KEYS, isArray: true, description: '自愿填写' })
  groups?: MemberGroup[];
}
