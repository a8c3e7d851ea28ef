import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AuthUser, IS_PUBLIC } from '../common/auth.decorators';
import { DomainError } from '../common/domain-error';

// Every route needs a valid bearer token unless marked @Public().
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const header = request.headers.authorization;
    if (!header) throw new DomainError('UNAUTHORIZED');
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
    if (!match) throw new DomainError('TOKEN_INVALID');
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string }>(match[1], { algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      request.user = { id: payload.sub };
      return true;
    } catch {
      throw new DomainError('TOKEN_INVALID');
    }
  }
}
