import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '../common/auth.decorators';
import { DomainError } from '../common/domain-error';
import { TokenVersions } from './token-versions';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
type Claims = { sub?: unknown; ver?: unknown };
/** The token version a token was issued with (tokens from before versions carry none: 0). */
const versionOf = (payload: Claims): number => (typeof payload.ver === 'number' ? payload.ver : 0);

// A token is good while its signature holds, it has not expired, and the user's token version is
// the one it was issued with: taking a role away bumps the version, so older tokens stop at once.
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly versions: TokenVersions,
  ) {}

  /** The user id behind an Authorization header; throws UNAUTHORIZED / TOKEN_INVALID. */
  async verify(header: string | undefined): Promise<string> {
    return (await this.caller(header)).id;
  }

  /** The caller behind an Authorization header, with the token version it carries (current, or refused). */
  async caller(header: string | undefined): Promise<AuthUser> {
    if (!header) throw new DomainError('UNAUTHORIZED');
    const match = BEARER.exec(header);
    if (!match) throw new DomainError('TOKEN_INVALID');
    let payload: Claims;
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; ver?: number }>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('TOKEN_INVALID');
    }
    if (typeof payload.sub !== 'string') throw new DomainError('TOKEN_INVALID');
    // On every authenticated request: from memory or Redis (token-versions.ts), not the database.
    const version = await this.versions.current(payload.sub);
    if (version === null || version !== versionOf(payload)) throw new DomainError('TOKEN_INVALID');
    return { id: payload.sub, tokenVersion: version };
  }

  /**
   * Who the header's token names, NOT verified (no signature, expiry or version check): only to look up
   * whether a cached answer exists before `caller` decides. Undefined when it names no one.
   */
  claimed(header: string | undefined): AuthUser | undefined {
    const match = header === undefined ? null : BEARER.exec(header);
    const payload = match ? this.jwt.decode<Claims | null>(match[1]) : null;
    return payload && typeof payload.sub === 'string' ? { id: payload.sub, tokenVersion: versionOf(payload) } : undefined;
  }
}
