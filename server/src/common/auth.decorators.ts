import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

export interface AuthUser {
  id: string;
  /** the token version the request's token carries (the user's current one: older tokens are refused) */
  tokenVersion?: number;
}

export const IS_PUBLIC = 'isPublic';
/** No token needed for this route. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
