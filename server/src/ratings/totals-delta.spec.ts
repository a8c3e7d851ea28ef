import { totalsDelta, RatingValues } from './totals-delta';

const rating = (over: Partial<RatingValues> = {}): RatingValues => ({
  scores: { organization: 5, rights: 4, work: 3, role: 2, trust: 1 },
  verdict: 'satisfied',
  groups: [],
  commentApproved: false,
  ...over,
});

describe('totalsDelta', () => {
  it('adds one rating, its sums and one count per score bucket for a new rating', () => {
    const sut = totalsDelta(null, rating({ groups: ['migrant'] }));
    expect(Object.fromEntries(sut)).toEqual({
      ratings: 1,
      satisfied: 1,
      sum_organization: 5,
      d_organization_5: 1,
      sum_rights: 4,
      d_rights_4: 1,
      sum_work: 3,
      d_work_3: 1,
      sum_role: 2,
      d_role_2: 1,
      sum_trust: 1,
      d_trust_1: 1,
      g_migrant: 1,
      gv_migrant_satisfied: 1,
    });
  });

  it('moves only what changed when a member changes their rating', () => {
    const before = rating({ commentApproved: true });
    const after = rating({ verdict: 'dissatisfied', scores: { ...before.scores, trust: 3 } });
    // trust 1 → 3: sum +2, bucket 1 −1, bucket 3 +1; verdict moves; the approved comment is gone
    expect(Object.fromEntries(totalsDelta(before, after))).toEqual({
      satisfied: -1,
      dissatisfied: 1,
      comments_approved: -1,
      sum_trust: 2,
      d_trust_1: -1,
      d_trust_3: 1,
    });
  });

  it("moves a group member's verdict within the group", () => {
    const before = rating({ groups: ['women'] });
    const after = rating({ groups: ['women'], verdict: 'basically_satisfied' });
    expect(Object.fromEntries(totalsDelta(before, after))).toEqual({
      satisfied: -1,
      basically_satisfied: 1,
      gv_women_satisfied: -1,
      gv_women_basically_satisfied: 1,
    });
  });

  it('is empty when the same rating is sent again', () => {
    expect(totalsDelta(rating(), rating()).size).toBe(0);
  });
});
