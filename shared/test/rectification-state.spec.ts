import { rectificationPlanDue, rectificationState } from '../src/rectification';

describe('rectification state', () => {
  it('gives a plan its days (30 by default) from the closing day, across a month end', () => {
    expect(rectificationPlanDue('2027-01-20', 30)).toBe('2027-02-19');
    expect(rectificationPlanDue('2027-01-20', 14)).toBe('2027-02-03');
  });

  it('is missing until the due day has passed, then overdue', () => {
    expect(rectificationState(null, false)).toBe('missing');
    expect(rectificationState(null, true)).toBe('overdue');
  });

  it('waits for sign-off only once progress is reported; a returned plan stays returned', () => {
    expect(rectificationState({ status: 'planned', updates: 0 }, true)).toBe('in_progress');
    expect(rectificationState({ status: 'planned', updates: 2 }, true)).toBe('awaiting_sign_off');
    expect(rectificationState({ status: 'sent_back', updates: 2 }, true)).toBe('sent_back');
    expect(rectificationState({ status: 'signed_off', updates: 1 }, true)).toBe('signed_off');
  });
});
