import {
  DEFAULT_PROVINCE_SETTINGS,
  DEFAULT_THRESHOLDS,
  GRIEVANCE_FINAL_LIMITS,
  provinceSettingsProblems,
  ProvinceSettings,
  withSettingDefaults,
} from '../src';

const copy = (): ProvinceSettings => JSON.parse(JSON.stringify(DEFAULT_PROVINCE_SETTINGS));

describe('province settings', () => {
  it('defaults to the values the product had hard-wired', () => {
    expect(DEFAULT_PROVINCE_SETTINGS.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(DEFAULT_PROVINCE_SETTINGS.grievances.finalDays.enquiry).toBe(GRIEVANCE_FINAL_LIMITS.enquiry.days);
    expect(DEFAULT_PROVINCE_SETTINGS.grievances.finalDays.complaint).toBe(13);
    expect(provinceSettingsProblems(DEFAULT_PROVINCE_SETTINGS)).toEqual({});
  });

  it('refuses fewer than 5 ratings or 10 comments as the suppression sizes, by field', () => {
    const s = copy();
    s.thresholds.minSlice = 4;
    s.thresholds.minComments = 9;
    const p = provinceSettingsProblems(s);
    expect(Object.keys(p).sort()).toEqual(['thresholds.minComments', 'thresholds.minSlice']);
    expect(p['thresholds.minSlice']).toContain('5');
    s.thresholds.minSlice = 5;
    s.thresholds.minComments = 10;
    expect(provinceSettingsProblems(s)).toEqual({});
  });

  it('refuses titles out of order (先进 below 合格)', () => {
    const s = copy();
    s.thresholds.advancedBp = 6900;
    expect(provinceSettingsProblems(s)).toEqual({ 'thresholds.advancedBp': expect.stringContaining('70%') });
  });

  it('refuses a validity line of 0% or above 100%, and fractional days', () => {
    const s = copy();
    s.thresholds.validParticipationBp = 0;
    s.grievances.finalDays.help = 2.5;
    s.grievances.levels.city.handleDays = 0;
    expect(Object.keys(provinceSettingsProblems(s)).sort()).toEqual([
      'grievances.finalDays.help',
      'grievances.levels.city.handleDays',
      'thresholds.validParticipationBp',
    ]);
  });

  it('has no level above the province to escalate to', () => {
    const s = copy();
    s.grievances.levels.province.escalateAfterDays = 2;
    expect(provinceSettingsProblems(s)).toHaveProperty(['grievances.levels.province.escalateAfterDays']);
    s.grievances.levels.province.escalateAfterDays = null;
    s.grievances.levels.city.escalateAfterDays = null;
    expect(provinceSettingsProblems(s)).toEqual({});
  });

  it('fills what an older stored copy lacks from the defaults and drops unknown fields', () => {
    const got = withSettingDefaults({ thresholds: { qualifiedBp: 6500 }, grievances: { levels: { city: { handleDays: 9 } } } });
    expect(got.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, qualifiedBp: 6500 });
    expect(got.grievances.levels.city).toEqual({ ...DEFAULT_PROVINCE_SETTINGS.grievances.levels.city, handleDays: 9 });
    const extra = withSettingDefaults({ thresholds: { evil: 1 } as never });
    expect(extra.thresholds).not.toHaveProperty('evil');
  });
});
