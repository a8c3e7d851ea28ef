import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { In, IsNull, Not, Repository } from 'typeorm';
import type { RosterSummary } from '@pingjia/shared';
import { AccessPolicy } from '../orgs/access-policy';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError, invalid, notFound } from '../common/domain-error';
import { newId } from '../common/ids';
import { RateLimitGuard } from '../common/rate-limit.guard';
import { isUniqueViolation, Transactions } from '../common/transactions';
import { Home } from '../orgs/home.entity';
import { XLSX_TYPE } from '../common/workbook';
import { RosterEntry } from './roster-entry.entity';
import { parseRosterCsv, parseRosterXlsx, RosterParse, rosterTemplate } from './roster-file';

const QUARTER_HOUR = 15 * 60_000;
const UPPER_LEVEL_ONLY = '会员名册和账号绑定由上级工会维护，本单位工会不能修改';

/** Attempts per home and quarter hour, whoever makes them: enough for a busy start, not for guessing. */
const homeAttemptLimit = (memberCount: number): number => Math.max(30, Math.ceil(memberCount / 2));

// One answer for "no such entry" and "entry bound to another account".
const noMatch = () =>
  new DomainError(
    'NOT_FOUND',
    '未能验证会员身份，请核对姓名和会员编号。如确为本人且信息无误，可能已被其他微信账号绑定，请联系上级工会核实。',
  );

export interface RosterImportResult {
  entries: number;
  added: number;
  kept: number;
  removed: number;
}

@Injectable()
export class MembershipService {
  constructor(
    @InjectRepository(RosterEntry) private readonly entries: Repository<RosterEntry>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly access: AccessPolicy,
    private readonly tx: Transactions,
    private readonly limiter: RateLimitGuard,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private hash(kind: string, ...parts: string[]): string {
    const clean = parts.map((p) => p.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
    return createHmac('sha256', this.config.raterKeySecret)
      .update(`roster:${kind}:${clean.join('|')}`)
      .digest('hex');
  }

  /**
   * Replaces a roster home's member list; bindings of members still on the list are kept. Only the
   * level above may: a chair who kept the roster could add fake members and leave real ones out.
   */
  async importRoster(userId: string, homeId: string, contentType: string | undefined, body: unknown): Promise<RosterImportResult> {
    const home = await this.access.homeForUpperLevel(userId, homeId, UPPER_LEVEL_ONLY);
    let parsed: RosterParse;
    if (contentType?.startsWith('text/csv') && typeof body === 'string') parsed = parseRosterCsv(body);
    else if (contentType?.startsWith(XLSX_TYPE) && Buffer.isBuffer(body)) {
      // Limits passed (a zip bomb, too many rows) answer 413/400 from the reader itself.
      parsed = await parseRosterXlsx(body, this.config.xlsx);
    } else throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请上传 CSV（text/csv）或 Excel（.xlsx）格式的名册');
    if (parsed.errors.length) {
      throw invalid(Object.fromEntries(parsed.errors.slice(0, 50).map((e) => [`line.${e.line}`, e.reason])), '名册有误，未作任何更改');
    }
    if (!parsed.lines.length) throw invalid({ file: '名册为空' }, '名册有误，未作任何更改');

    const wanted = new Map<string, string | null>();
    for (const l of parsed.lines) wanted.set(this.hash('entry', home.id, l.memberNo, l.name), l.phone ? this.hash('phone', l.phone) : null);

    return this.tx.run(async (m) => {
      const existing = await m.find(RosterEntry, { where: { homeId: home.id } });
      const stale = existing.filter((e) => !wanted.has(e.entryHash)).map((e) => e.id);
      const have = new Set(existing.map((e) => e.entryHash));
      const fresh = [...wanted]
        .filter(([h]) => !have.has(h))
        .map(([entryHash, phoneHash]) => ({ id: newId(), homeId: home.id, entryHash, phoneHash, boundUserId: null }));
      for (let i = 0; i < stale.length; i += 500) await m.delete(RosterEntry, { id: In(stale.slice(i, i + 500)) });
      for (let i = 0; i < fresh.length; i += 500) await m.insert(RosterEntry, fresh.slice(i, i + 500));
      return { entries: wanted.size, added: fresh.length, kept: existing.length - stale.length, removed: stale.length };
    });
  }

  /**
   * A member proves they are on the home's roster; binds the entry to their WeChat account. An entry
   * bound to another account and an entry that does not exist get the same answer, so nobody (a
   * chair who knows the roster, say) can learn from it who has verified. Guessing is slow: attempts
   * are counted per account, per typed entry and per home, whatever the answer.
   */
  async verify(userId: string, homeId: string, name: string, memberNo: string): Promise<void> {
    const home = await this.homes.findOne({ where: { id: homeId } });
    if (!home) throw notFound();
    if (home.membershipMode === 'open') return;
    const entryHash = this.hash('entry', homeId, memberNo, name);
    const limits = this.config.rateLimits;
    await this.limiter.hit(`membership:${userId}:${homeId}`, limits.membershipFailures, QUARTER_HOUR);
    await this.limiter.hit(`membership:entry:${entryHash}`, limits.membershipFailures, QUARTER_HOUR);
    await this.limiter.hit(`membership:home:${homeId}`, homeAttemptLimit(home.memberCount), QUARTER_HOUR);
    const entry = await this.entries.findOne({ where: { homeId, entryHash } });
    if (entry && entry.boundUserId === userId) return;
    // The caller's own state only: their account already holds another entry of this home.
    if ((await this.entries.count({ where: { homeId, boundUserId: userId } })) > 0) {
      throw new DomainError('DUPLICATE', '您的微信账号已绑定本单位名册中的另一位会员');
    }
    if (!entry || entry.boundUserId) throw noMatch();
    try {
      const result = await this.entries.update({ id: entry.id, boundUserId: IsNull() }, { boundUserId: userId });
      if (!result.affected) throw noMatch();
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('DUPLICATE', '您的微信账号已绑定本单位名册中的另一位会员');
      throw e;
    }
  }

  /** The roster entry the user is bound to in a roster home; null when none. */
  async boundEntryId(userId: string, homeId: string): Promise<string | null> {
    const entry = await this.entries.findOne({ where: { homeId, boundUserId: userId }, select: { id: true } });
    return entry?.id ?? null;
  }

  /** The roster's size and bound count, for the home's staff (exact for the level above only). */
  async rosterSummary(userId: string, homeId: string): Promise<RosterSummary> {
    const { home, upperLevel } = await this.access.homeWithLevel(userId, homeId);
    const [entries, bound] = await Promise.all([
      this.entries.count({ where: { homeId: home.id } }),
      this.entries.count({ where: { homeId: home.id, boundUserId: Not(IsNull()) } }),
    ]);
    return { entries, bound: upperLevel ? bound : Math.floor(bound / 5) * 5, boundRounded: !upperLevel };
  }

  async isMember(userId: string, home: Home): Promise<boolean> {
    if (home.membershipMode === 'open') return true;
    return (await this.entries.count({ where: { homeId: home.id, boundUserId: userId } })) > 0;
  }

  async status(userId: string, homeId: string): Promise<{ mode: Home['membershipMode']; verified: boolean }> {
    const home = await this.homes.findOne({ where: { id: homeId } });
    if (!home) throw notFound();
    return { mode: home.membershipMode, verified: await this.isMember(userId, home) };
  }

  /**
   * The level above frees a roster entry so its member can bind another WeChat account. The entry
   * keeps its id, and a rating belongs to the entry (ratings.service), so the member's one rating
   * moves to the new account instead of allowing a second.
   */
  async resetBinding(userId: string, homeId: string, name: string, memberNo: string, reason: string): Promise<void> {
    const home = await this.access.homeForUpperLevel(userId, homeId, UPPER_LEVEL_ONLY);
    await this.tx.run(async (m) => {
      const result = await m.update(RosterEntry, { homeId, entryHash: this.hash('entry', homeId, memberNo, name) }, { boundUserId: null });
      if (!result.affected) throw new DomainError('NOT_FOUND', '名册中没有找到该会员');
      // The reason, not the member: the log never names who was reset.
      await this.audit.record(
        {
          actorUserId: userId,
          scopePath: home.orgPath,
          action: 'roster.reset_binding',
          targetType: 'home',
          targetId: home.id,
          homeId: home.id,
          detail: { reason: reason.trim() },
        },
        m,
      );
    });
  }

  async rosterTemplate(userId: string, homeId: string): Promise<Buffer> {
    await this.access.homeForUpperLevel(userId, homeId, UPPER_LEVEL_ONLY);
    return rosterTemplate();
  }
}
