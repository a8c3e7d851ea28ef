import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';

/**
 * The template ids a user accepted in wx.requestSubscribeMessage (at most five at a time), as the
 * mini-program sends them back for the server to record one opt-in each.
 * Registered innermost first, as a stack of these decorators on the field would be: the order decides
 * which message a value failing several checks gets (validation.ts takes the first).
 */
export const AcceptedTemplateIds = (): PropertyDecorator =>
  applyDecorators(Matches(/^[A-Za-z0-9_-]{1,128}$/, { each: true }), IsString({ each: true }), ArrayMaxSize(5), IsArray());
