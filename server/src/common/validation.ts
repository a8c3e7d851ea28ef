import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DomainError } from './domain-error';

/**
 * May be left out, but not sent as null. class-validator's IsOptional lets null through too, and the
 * services read a left-out field as `undefined`: a null reached normalizeText and answered 500 (the fuzz
 * suite, {action: 'extend', message: null}). A field that takes null on purpose (clearing it) keeps
 * IsOptional and says `| null` in its type.
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

// Field messages in Chinese, keyed by the dotted path of the field (`scores.trust`).
export const FIELD_MESSAGES: Record<string, string> = {
  isInt: '必须是整数',
  min: '超出允许范围',
  max: '超出允许范围',
  isIn: '不是允许的取值',
  isString: '必须是文本',
  isBoolean: '必须是 true 或 false',
  isDefined: '必填',
  isNotEmpty: '不能为空',
  isObject: '必须是对象',
  isArray: '必须是数组',
  arrayUnique: '不能重复',
  arrayMaxSize: '项目过多',
  maxLength: '太长',
  minLength: '太短',
  length: '长度不符合要求',
  isUuid: '不是有效的编号',
  isDateString: '不是有效的时间',
  isIso8601: '不是有效的时间（如 2026-12-01T00:00:00+08:00）',
  matches: '格式不正确',
  whitelistValidation: '不允许的字段',
  nestedValidation: '格式不正确',
};

function flatten(errors: ValidationError[], prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const first = e.constraints ? Object.keys(e.constraints)[0] : undefined;
    if (first) out[path] = FIELD_MESSAGES[first] ?? '不符合要求';
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // "5" is not 5: no implicit conversion of body values.
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', undefined, flatten(errors)),
  });
}
