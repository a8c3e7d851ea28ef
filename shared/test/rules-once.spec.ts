import {
  CRITERIA,
  DEFAULT_THRESHOLDS,
  grievanceActionProblems,
  grievancePlaceProblem,
  GRIEVANCE_MAX_EXTENSION_DAYS,
  GRIEVANCE_MESSAGE_MAX,
  isParticipationLow,
  isParticipationValid,
  leagueSortKeys,
  LEAGUE_SORT_KEYS,
  rate,
  ratingsForValidParticipation,
  scoreProblem,
  unscoredCriteria,
} from '../src';

describe('the validity line (30% of members)', () => {
  it('agrees with exact integer arithmetic for every home up to 2,000 members', () => {
    for (let members = 0; members <= 2000; members++) {
      const needed = ratingsForValidParticipation(members);
      // the fewest ratings r with r / members ≥ 30%, in integers: r × 10000 ≥ 3000 × members
      expect(needed * 10000 >= DEFAULT_THRESHOLDS.validParticipationBp * members).toBe(true);
      if (needed > 0) expect((needed - 1) * 10000 >= DEFAULT_THRESHOLDS.validParticipationBp * members).toBe(false);
      if (members > 0) {
        expect(isParticipationValid(needed, members)).toBe(true);
        expect(isParticipationValid(needed - 1, members)).toBe(false);
      }
    }
  });
  it('3 of 10 is valid, 2 of 10 is low; a home without members is neither valid nor listed as low', () => {
    expect(isParticipationValid(3, 10)).toBe(true);
    expect(isParticipationLow(2, 10)).toBe(true);
    expect(isParticipationLow(3, 10)).toBe(false);
    expect(isParticipationValid(0, 0)).toBe(false);
    expect(isParticipationLow(0, 0)).toBe(false);
  });
});

describe('rate', () => {
  it('rounds to 4 places and is null over nothing', () => {
    // 2 / 3 = 0.66666… → 0.6667
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('rating request checks shared by the server DTO and the form', () => {
  it('takes whole scores 1..5 only', () => {
    expect([1, 5].map(scoreProblem)).toEqual([null, null]);
    for (const bad of [0, 6, 3.5, '5', null, undefined]) expect(scoreProblem(bad)).toBe('评分须为 1 到 5 的整数');
  });
  it('lists the criteria still unscored, in order', () => {
    expect(unscoredCriteria({ organization: 5, work: 9 }).map((c) => c.key)).toEqual(['rights', 'work', 'role', 'trust']);
  });
  it('sorts the league by every criterion', () => {
    expect(LEAGUE_SORT_KEYS).toEqual(leagueSortKeys(CRITERIA.map((c) => c.key)));
    for (const c of CRITERIA) expect(LEAGUE_SORT_KEYS).toContain(c.key);
  });
});

describe('grievanceActionProblems', () => {
  it('asks for a message with reply, resolve and extend, not with accept or escalate', () => {
    expect(grievanceActionProblems({ action: 'reply', message: ' ' })).toEqual({ message: '请填写答复内容' });
    expect(grievanceActionProblems({ action: 'resolve' })).toEqual({ message: '请填写办结说明' });
    expect(grievanceActionProblems({ action: 'extend', days: 3 })).toEqual({ message: '请填写延期理由' });
    expect(grievanceActionProblems({ action: 'accept' })).toEqual({});
    expect(grievanceActionProblems({ action: 'escalate' })).toEqual({});
  });
  it('bounds the message and the extension days', () => {
    expect(grievanceActionProblems({ action: 'escalate', message: '长'.repeat(GRIEVANCE_MESSAGE_MAX + 1) })).toEqual({
      message: `不能超过 ${GRIEVANCE_MESSAGE_MAX} 个字`,
    });
    expect(grievanceActionProblems({ action: 'extend', message: '等待仲裁结果', days: GRIEVANCE_MAX_EXTENSION_DAYS + 1 })).toEqual({
      days: `请填写 1～${GRIEVANCE_MAX_EXTENSION_DAYS} 之间的整数`,
    });
    expect(grievanceActionProblems({ action: 'extend', message: '等待仲裁结果' })).toEqual({
      days: `请填写 1～${GRIEVANCE_MAX_EXTENSION_DAYS} 之间的整数`,
    });
    expect(grievanceActionProblems({ action: 'reply', message: '已答复', days: 2 })).toEqual({ days: '只有延期时填写' });
  });
});

describe('grievancePlaceProblem (filing a grievance and asking its limits)', () => {
  it('takes a home or a federation, exactly one', () => {
    const home = '0b7c6f1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f';
    const org = '1c8d7a2f-3e4b-4d6c-9f0a-1b2c3d4e5f60';
    expect(grievancePlaceProblem({ homeId: home })).toBeNull();
    expect(grievancePlaceProblem({ orgId: org })).toBeNull();
    expect(grievancePlaceProblem({})).toBe('请选择职工之家，或选择直接向工会反映');
    expect(grievancePlaceProblem({ homeId: home, orgId: org })).toBe('请选择职工之家，或选择直接向工会反映');
  });
});
