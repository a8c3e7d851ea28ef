import { IMPORT_COLUMNS, type ImportColumn } from '@pingjia/shared';
import type { ImportLine } from './import-file';
import { ExistingHome, ExistingOrg, ImportContext, planImport } from './import-plan';

const ROOT = { id: 'city', parentId: 'prov', name: '示范市总工会', level: 'city' as const, path: '/prov/city/', code: 'CITY' };
const OTHER_CITY: ExistingOrg = { id: 'other', parentId: 'prov', name: '邻市总工会', level: 'city', path: '/prov/other/' };
const COUNTY: ExistingOrg = { id: 'county', parentId: 'city', name: '甲区总工会', level: 'county', path: '/prov/city/county/' };
const HOME: ExistingHome = {
  id: 'h1',
  orgId: 'county',
  orgPath: '/prov/city/county/',
  name: '机床厂职工之家',
  kind: 'enterprise',
  industry: '制造业',
  ownership: 'state',
  memberCount: 120,
  workerCount: null,
  membershipMode: 'open',
};

function ctx(): ImportContext {
  return {
    root: ROOT,
    orgsByCode: new Map([
      ['OTHER', OTHER_CITY],
      ['COUNTY', COUNTY],
    ]),
    homesByCode: new Map([['H1', HOME]]),
    homeNamesOf: async (org) => (org.id === 'county' ? [{ id: 'h1', name: HOME.name }] : []),
  };
}

let n = 1;
function line(cells: Partial<Record<ImportColumn, string>>): ImportLine {
  const all = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, ''])) as Record<ImportColumn, string>;
  return { line: ++n, cells: { ...all, ...cells } };
}
const home = (code: string, name: string, more: Partial<Record<ImportColumn, string>> = {}) =>
  line({ code, name, type: '企业职工之家', memberCount: '50', ...more });

describe('planImport', () => {
  beforeEach(() => (n = 1));

  it('creates a county and a home under it from one file, whatever the row order', async () => {
    const plan = await planImport(
      [home('H9', '新厂职工之家', { parentCode: 'C9' }), line({ code: 'C9', name: '乙区总工会', type: '县（区）总工会' })],
      ctx(),
    );
    expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0, refused: 0 });
    expect(plan.writes[0]).toMatchObject({ target: 'home', parent: { row: 1 } });
    expect(plan.writes[1]).toMatchObject({ target: 'org', parent: { existing: { id: 'city' } } });
  });

  it('finds the existing home unchanged, and an update names the changed columns', async () => {
    const same = home('H1', HOME.name, { parentCode: 'county', industry: '制造业', ownership: '国有', memberCount: '120' });
    expect((await planImport([same], ctx())).counts.unchanged).toBe(1);
    const more = home('h1', HOME.name, { parentCode: 'COUNTY', industry: '制造业', ownership: '国有', memberCount: '130' });
    const plan = await planImport([more], ctx());
    expect(plan.rows[0]).toMatchObject({ outcome: 'update', changes: ['会员人数'] });
  });

  it('refuses every kind of bad row with the column and a Chinese reason', async () => {
    const rows = [
      home('A1', '甲厂职工之家', { parentCode: 'NOPE' }), // unknown parent
      home('DUP', '乙厂职工之家'),
      home('DUP', '丙厂职工之家'), // duplicate code
      home('A4', '丁厂职工之家', { memberCount: '12x' }), // bad number
      line({ code: 'A5', name: '戊厂职工之家', type: '合作社' }), // unknown kind
      home('A6', '  '), // empty name
      home('A7', '=HYPERLINK("http://x","点我")'), // formula
      home('A8', '己厂职工之家', { parentCode: 'OTHER' }), // outside the subtree
      home('A9', '庚厂职工之家', { industry: '@SUM(A1)' }), // formula in another text column
      home('', '辛厂职工之家'), // no code
      home('A11', '机床厂职工之家', { parentCode: 'COUNTY' }), // look-alike of an existing home
      home('A12', '壬厂职工之家', { parentCode: 'A1' }), // parent is a home row
      line({ code: 'A13', name: '丙区总工会', type: '县总工会', parentCode: 'A14' }),
      line({ code: 'A14', name: '丁区总工会', type: '县总工会' }), // county under a county
    ];
    const plan = await planImport(rows, ctx());
    const reason = (i: number) => plan.rows[i].problems.map((p) => `${p.column}:${p.message}`).join('|');
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 13 });
    expect(reason(0)).toMatch(/^上级工会编码:找不到上级工会编码「NOPE」/);
    expect(reason(1)).toMatch(/^外部编码:外部编码在文件中重复（第 4 行）/);
    expect(reason(2)).toMatch(/^外部编码:外部编码在文件中重复（第 3 行）/);
    expect(reason(3)).toMatch(/^会员人数:「12x」不是有效的人数/);
    expect(reason(4)).toMatch(/^类型:无法识别的类型「合作社」/);
    expect(reason(5)).toBe('名称:名称不能为空');
    expect(reason(6)).toMatch(/^名称:以 = \+ - @ 开头的内容可能被表格软件当作公式执行/);
    expect(reason(7)).toBe('上级工会编码:上级工会不在您的管辖范围内');
    expect(reason(8)).toMatch(/^行业:以 = \+ - @ 开头/);
    expect(reason(9)).toMatch(/^外部编码:外部编码不能为空/);
    expect(reason(10)).toMatch(/^名称:与同一工会下已有/);
    expect(reason(11)).toBe('上级工会编码:上级必须是工会，不能是职工之家');
    expect(reason(12)).toBe('类型:「县（区）总工会」不能设在「县（区）总工会」之下');
    expect(plan.rows[13].outcome).toBe('create');
    expect(plan.writes.filter(Boolean)).toHaveLength(1);
  });

  it('refuses rows onto a deactivated home and under a deactivated union', async () => {
    const c = ctx();
    c.homesByCode.set('H1', { ...HOME, deactivatedAt: '2026-01-01T00:00:00.000Z' });
    c.orgsByCode.set('COUNTY', { ...COUNTY, deactivatedAt: '2026-01-01T00:00:00.000Z' });
    const plan = await planImport(
      [home('H1', HOME.name, { parentCode: 'COUNTY' }), home('H7', '新厂职工之家', { parentCode: 'COUNTY' })],
      c,
    );
    expect(plan.rows[0].problems.map((p) => p.message)).toContain('「机床厂职工之家」已停用：请先在「组织与职工之家」中恢复，再导入');
    expect(plan.rows[1].problems.map((p) => p.message)).toEqual(['上级工会「甲区总工会」已停用，不能在其下导入']);
  });

  it('refuses a home whose code belongs to a home outside the subtree, and a move', async () => {
    const c = ctx();
    c.homesByCode.set('FAR', { ...HOME, id: 'far', orgId: 'other', orgPath: '/prov/other/' });
    const plan = await planImport([home('FAR', '远方职工之家'), home('H1', HOME.name, { memberCount: '120' })], c);
    expect(plan.rows[0].problems[0].message).toBe('该编码的单位不在您的管辖范围内');
    expect(plan.rows[1].problems[0].message).toMatch(/与系统中的上级工会不同/);
  });
});
