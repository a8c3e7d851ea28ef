import { endorsementFigures } from '../src/endorsements';
import { DEFAULT_THRESHOLDS } from '../src/scoring';

const t = DEFAULT_THRESHOLDS;

describe('endorsementFigures', () => {
  it('shows only how many answered, rounded down to 5, while the plan is open', () => {
    // 7 agree + 6 disagree = 13 → 10
    expect(endorsementFigures({ agree: 7, disagree: 6 }, true, t)).toEqual({ open: true, responded: 10, agree: null, disagree: null });
    expect(endorsementFigures({ agree: 4, disagree: 0 }, true, t).responded).toBe(0);
  });

  it('releases the split at sign-off only when both sides reach 5', () => {
    expect(endorsementFigures({ agree: 7, disagree: 6 }, false, t)).toEqual({ open: false, responded: 13, agree: 7, disagree: 6 });
    // 9 agree, 0 disagree: "0 不认可" would say every known respondent agreed
    expect(endorsementFigures({ agree: 9, disagree: 0 }, false, t)).toEqual({ open: false, responded: 9, agree: null, disagree: null });
    expect(endorsementFigures({ agree: 8, disagree: 4 }, false, t)).toEqual({ open: false, responded: 12, agree: null, disagree: null });
    expect(endorsementFigures({ agree: 3, disagree: 1 }, false, t).responded).toBeNull();
  });

  it("uses the cycle's own suppression size", () => {
    const seven = { ...t, minSlice: 7 };
    expect(endorsementFigures({ agree: 4, disagree: 2 }, true, seven).responded).toBe(0);
    expect(endorsementFigures({ agree: 7, disagree: 6 }, false, seven)).toEqual({
      open: false,
      responded: 13,
      agree: null,
      disagree: null,
    });
  });
});
