import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { HeldComment, Page } from '@pingjia/shared';
import { Repository } from 'typeorm';
import { AccessPolicy } from '../orgs/access-policy';
import { AuditService } from '../audit/audit.service';
import { DomainError, notFound } from '../common/domain-error';
import { Paging, subtreeRange } from '../common/paging';
import { Transactions } from '../common/transactions';
import { Campaign } from '../campaigns/campaign.entity';
import { Home } from '../orgs/home.entity';
import { Rating } from '../ratings/rating.entity';
import { RatingTotalsStore } from '../ratings/rating-totals.store';

// Comments WeChat's check held back (or that could not be checked) wait for the upper-level union,
// not the chair: the chair is the one the comments judge. They are listed once the cycle is closed,
// like every comment: a held comment that appears between two views of an open cycle would point at
// whoever rated in between. No day and no time order either.
@Injectable()
export class CommentModerationService {
  constructor(
    @InjectRepository(Rating) private readonly ratings: Repository<Rating>,
    @InjectRepository(Home) private readonly homes: Repository<Home>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly totals: RatingTotalsStore,
  ) {}

  async held(userId: string, orgId: string, p: Paging): Promise<Page<HeldComment>> {
    const org = await this.access.orgForAdmin(userId, orgId);
    const { from, to } = subtreeRange(org.path);
    const q = this.ratings
      .createQueryBuilder('r')
      .innerJoin(Home, 'h', 'h.id = r.home_id')
      .innerJoin(Campaign, 'c', 'c.id = r.campaign_id')
      .where('r.comment_status = :held AND h.org_path >= :from AND h.org_path < :to', { held: 'held', from, to })
      .andWhere('c.status IN (:...released)', { released: ['closed', 'published'] });
    const [rows, total] = await Promise.all([
      q
        .clone()
        .select([
          'r.id AS id',
          'r.comment AS text',
          'h.id AS home_id',
          'h.name AS home_name',
          'c.id AS campaign_id',
          'c.name AS campaign_name',
        ])
        .orderBy('h.name', 'ASC')
        .addOrderBy('r.comment', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .offset(p.skip)
        .limit(p.pageSize)
        .getRawMany<Record<string, string>>(),
      q.getCount(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        home: { id: r.home_id, name: r.home_name },
        campaign: { id: r.campaign_id, name: r.campaign_name },
        text: r.text,
      })),
      total,
      page: p.page,
      pageSize: p.pageSize,
    };
  }

  async decide(userId: string, ratingId: string, approve: boolean): Promise<void> {
    const found = await this.ratings.findOne({ where: { id: ratingId }, select: { id: true, campaignId: true, homeId: true } });
    if (!found) throw notFound();
    const home = await this.homes.findOne({ where: { id: found.homeId } });
    if (!home || !(await this.access.administers(userId, home.orgPath))) throw notFound();
    await this.totals.withRow(found.campaignId, found.homeId, () =>
      this.tx.run(async (m) => {
        // Same lock order as a member's rating write: the home's totals row first.
        await this.totals.lock(m, found.campaignId, found.homeId);
        const rating = await m.findOne(Rating, { where: { id: ratingId } });
        if (!rating || rating.commentStatus !== 'held') throw new DomainError('STATE_CONFLICT', '该留言已处理或已被修改');
        await m.update(Rating, { id: ratingId }, { commentStatus: approve ? 'approved' : 'rejected' });
        if (approve) await this.totals.commentApproved(m, found.campaignId, found.homeId);
        await this.audit.record(
          {
            actorUserId: userId,
            scopePath: home.orgPath,
            action: approve ? 'comment.approve' : 'comment.reject',
            targetType: 'comment',
            targetId: ratingId,
            homeId: home.id,
          },
          m,
        );
      }),
    );
  }
}
