import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ARRANGEMENT_MAX_DAYS,
  ArrangementDay,
  CalendarDayKind,
  GRIEVANCE_ACTIONS,
  GRIEVANCE_CONTENT_MAX,
  GRIEVANCE_FEEDBACK_VERDICTS,
  MAX_LIMIT_DAYS,
  GRIEVANCE_MESSAGE_MAX,
  GRIEVANCE_STATUSES,
  GRIEVANCE_TOPICS,
  GRIEVANCE_TYPES,
  GrievanceAction,
  GrievanceFeedbackVerdict,
  GrievanceStatus,
  GrievanceTopic,
  GrievanceType,
} from '@pingjia/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/validation';

// Text limits are checked again after normalisation (shared rules); these only bound the body.
export class CreateGrievanceDto {
  @ApiPropertyOptional({ format: 'uuid', description: '所涉职工之家；没有职工之家的单位改填 orgId（二者填一个）' })
  @Optional()
  @IsUUID()
  homeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '直接向这一级工会反映（所在单位没有职工之家时）' })
  @Optional()
  @IsUUID()
  orgId?: string;

  @ApiProperty({ enum: GRIEVANCE_TYPES })
  @IsIn(GRIEVANCE_TYPES)
  type: GrievanceType;

  @ApiProperty({ enum: GRIEVANCE_TOPICS, description: 'union（工会工作）直接交上级工会，本会主席看不到' })
  @IsIn(GRIEVANCE_TOPICS)
  topic: GrievanceTopic;

  @ApiProperty({ minLength: 10, maxLength: GRIEVANCE_CONTENT_MAX })
  @IsString()
  @MaxLength(GRIEVANCE_CONTENT_MAX * 2)
  content: string;

  @ApiProperty({ description: '匿名：处理人看不到任何能识别提交人的信息' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ description: '实名诉求可留手机号，仅处理人可见', example: '13800138000' })
  @Optional()
  @IsString()
  @Matches(/^1[3-9]\d{9}$/)
  contact?: string;

  @ApiPropertyOptional({ description: '职工已同意接收一次订阅消息（状态变化时通知）' })
  @Optional()
  @IsBoolean()
  subscribe?: boolean;
}

export class GrievanceActionDto {
  @ApiProperty({ enum: GRIEVANCE_ACTIONS })
  @IsIn(GRIEVANCE_ACTIONS)
  action: GrievanceAction;

  @ApiPropertyOptional({
    maxLength: GRIEVANCE_MESSAGE_MAX,
    description: 'reply、resolve、extend、ask 必填；职工可见（ask：向职工提问，职工回答前不能再问）',
  })
  @Optional()
  @IsString()
  @MaxLength(GRIEVANCE_MESSAGE_MAX * 2)
  message?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT_DAYS, description: 'extend：延长的工作日数（不超过本省设置的最长延期）' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT_DAYS)
  days?: number;
}

export class GrievanceFeedbackDto {
  @ApiProperty({ enum: GRIEVANCE_FEEDBACK_VERDICTS })
  @IsIn(GRIEVANCE_FEEDBACK_VERDICTS)
  verdict: GrievanceFeedbackVerdict;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class GrievanceAnswerDto {
  @ApiProperty({ maxLength: GRIEVANCE_MESSAGE_MAX, description: '回答处理人的提问' })
  @IsString()
  @MaxLength(GRIEVANCE_MESSAGE_MAX * 2)
  message: string;
}

export class GrievanceListQuery {
  @ApiPropertyOptional({ enum: GRIEVANCE_STATUSES })
  @Optional()
  @IsIn(GRIEVANCE_STATUSES)
  status?: GrievanceStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Optional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1 })
  @Optional()
  @Matches(/^[1-9]\d{0,5}$/)
  page?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @Optional()
  @Matches(/^([1-9]|[1-9]\d|100)$/)
  pageSize?: string;
}

export class CalendarDayDto {
  @ApiProperty({ enum: ['workday', 'holiday'] })
  @IsIn(['workday', 'holiday'])
  kind: CalendarDayKind;

  @ApiPropertyOptional({ maxLength: 100, example: '2027年元旦' })
  @Optional()
  @IsString()
  @MaxLength(100)
  note?: string;
}

export class ImportArrangementDto {
  @ApiProperty({
    description: '该年的放假日（holiday）与调休上班日（workday，须为周六或周日），每天一行',
    example: [{ day: '2027-01-01', kind: 'holiday', note: '元旦' }],
  })
  @IsArray()
  @ArrayMaxSize(ARRANGEMENT_MAX_DAYS)
  days: ArrangementDay[];
}

export class CalendarRangeQuery {
  @ApiProperty({ example: '2026-10-01' })
  @IsString()
  from: string;

  @ApiProperty({ example: '2026-10-31' })
  @IsString()
  to: string;

  @ApiPropertyOptional({ description: 'a province: its own entries over the national calendar' })
  @Optional()
  @IsUUID()
  provinceId?: string;
}
