import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENDORSEMENT_VERDICTS, type EndorsementVerdict } from '@pingjia/shared';
import { IsIn, IsString, Length } from 'class-validator';
import { Optional } from '../common/validation';

// Exactly one of the two: a plan (posted, or revised until signed off) or a progress report.
export class RectificationDto {
  @ApiPropertyOptional({ description: '整改方案', maxLength: 2000 })
  @Optional()
  @IsString()
  @Length(1, 2000)
  plan?: string;

  @ApiPropertyOptional({ description: '整改进展', maxLength: 1000 })
  @Optional()
  @IsString()
  @Length(1, 1000)
  progress?: string;
}

export class EndorsementDto {
  @ApiProperty({ enum: ENDORSEMENT_VERDICTS, description: '认可 / 不认可' })
  @IsIn(ENDORSEMENT_VERDICTS)
  verdict: EndorsementVerdict;
}

export class SendBackDto {
  @ApiProperty({ description: '退回理由', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason: string;
}
