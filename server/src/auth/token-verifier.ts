import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '../common/auth.decorators';
import { DomainError } from '../common/domain-error';
import { TokenVersions } from './token-versions';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
type Claims = { sub?: unknown; ver?: unknown; exp?: unknown; nbf?: unknown };
/** The token version a token was issued with (tokens from before versions carry none: 0). */
const versionOf = (payload: Claims): number => (typeof payload.ver === 'number' ? payload.ver : 0);

/** A token whose signature and expiry were checked: who it names, and until when it holds (ms). */
interface Verified {
  sub: string;
  ver: number;
  until: number;
}
/** Verified tokens kept (a few per signed-in user in use); the oldest go first. */
const VERIFIED_MAX = 10_000;

// A token is good while its signature holds, it has not expired, and the user's token version is
// the one it was issued with: taking a role away bumps the version, so older tokens stop at once.
// The signature and expiry of a token are checked once: the verified token (the whole Authorization
// header, so another signature on the same claims is another key, checked in full) is kept with its
// claims until it expires. The version is compared on every request, so revocation stays immediate.
@Injectable()
export class TokenVerifier {
  private readonly verified = new Map<string, Verified>();

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
    const token = this.verifiedNow(header) ?? (await this.verifyToken(header));
    // On every authenticated request: from memory or Redis (token-versions.ts), not the database.
    const version = this.versions.knownNow(token.sub) ?? (await this.versions.current(token.sub));
    if (version === null || version !== token.ver) throw new DomainError('TOKEN_INVALID');
    return { id: token.sub, tokenVersion: version };
  }

  /**
   * The caller, when that can be said without waiting: the token verified before and still unexpired,
   * and the user's current version known in this process and the token's. Undefined otherwise (nothing
   * refused here): `caller` decides.
   */
  callerNow(header: string | undefined): AuthUser | undefined {
    const token = header === undefined ? undefined : this.verifiedNow(header);
    if (!token) return undefined;
    return this.versions.knownNow(token.sub) === token.ver ? { id: token.sub, tokenVersion: token.ver } : undefined;
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

  private verifiedNow(header: string): Verified | undefined {
    const hit = this.verified.get(header);
    if (hit === undefined || Date.now() < hit.until) return hit;
    this.verified.delete(header);
    return undefined;
  }

  /** Signature, algorithm and expiry (jsonwebtoken); kept when it holds and says until when. */
  private async verifyToken(header: string): Promise<Verified> {
    const match = BEARER.exec(header);
    if (!match) throw new DomainError('TOKEN_INVALID');
    let payload: Claims;
    try {
      payload = await this.jwt.verifyAsync<Claims & object>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('TOKEN_INVALID');
    }
    if (typeof payload.sub !== 'string') throw new DomainError('TOKEN_INVALID');
    const token = { sub: payload.sub, ver: versionOf(payload), until: 0 };
    // jsonwebtoken refuses from the second floor(now / 1000) >= exp on; a token without exp, or with
    // nbf, is checked in full every time.
    if (typeof payload.exp === 'number' && payload.nbf === undefined) {
      token.until = Math.ceil(payload.exp) * 1000;
      this.verified.set(header, token);
      if (this.verified.size > VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value as string);
    }
    return token;
  }
}
