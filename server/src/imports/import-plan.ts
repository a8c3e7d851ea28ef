import {
  canNestOrg,
  HEAD_COUNT_MAX,
  IMPORT_COLUMNS,
  isBlankText,
  isFormulaLike,
  normalizeText,
  ORG_LEVEL_LABELS,
  ORG_LEVELS,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  textCharacterProblem,
  textLength,
  type HomeKind,
  type ImportColumn,
  type ImportCounts,
  type ImportProblem,
  type ImportRowReport,
  type MembershipMode,
  type OrgLevel,
  type Ownership,
} from '@pingjia/shared';
import { nameSkeleton } from '../orgs/home-names';
import { isWithin } from '../orgs/org-paths';
import type { ImportLine } from './import-file';

// The dry run: what each row of the file would do to the subtree (create, update, leave unchanged) or
// why it is refused, decided from the file and the existing unions and homes only, so the same plan
// can be made again inside the apply transaction. Rows match existing ones by external code.

export interface ExistingOrg {
  id: string;
  parentId: string | null;
  name: string;
  level: OrgLevel;
  path: string;
  /** set when deactivated (structure editor): nothing is imported into or onto it */
  deactivatedAt?: string | null;
}

export interface ImportContext {
  /** the org the import is for: rows without a parent code go under it, and nothing may go outside it */
  root: ExistingOrg & { code: string | null };
  /** unions and homes of the province that have an external code, by code */
  orgsByCode: Map<string, ExistingOrg>;
  homesByCode: Map<string, ExistingHome>;
  /** names of the existing homes of an org (for the look-alike check), asked once for each org that receives homes */
  homeNamesOf: (org: ExistingOrg) => Promise<Array<{ id: string; name: string }>>;
}

interface HomeFields {
  name: string;
  kind: HomeKind;
  industry: string | null;
  ownership: Ownership | null;
  memberCount: number;
  workerCount: number | null;
  membershipMode: MembershipMode;
}

export interface ExistingHome extends HomeFields {
  id: string;
  orgId: string;
  orgPath: string;
  deactivatedAt?: string | null;
}

/** Where a planned org or home goes: an existing org, or an org row of the file (by index). */
type ParentRef = { existing: ExistingOrg } | { row: number };

export interface PlannedOrg {
  target: 'org';
  index: number;
  name: string;
  level: OrgLevel;
  code: string;
  parent: ParentRef | null;
  existing: ExistingOrg | null;
}

export interface PlannedHome extends HomeFields {
  target: 'home';
  index: number;
  code: string;
  parent: ParentRef | null;
  existing: ExistingHome | null;
}

export interface ImportPlan {
  rows: ImportRowReport[];
  /** per row, what to write (null for refused and unchanged rows) */
  writes: Array<PlannedOrg | PlannedHome | null>;
  counts: ImportCounts;
}

const HEADER: Record<ImportColumn, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ImportColumn,
  string
>;

const TYPE_WORDS: Array<[RegExp, { org: OrgLevel } | { home: HomeKind }]> = [
  [/^(city|市|市总|市总工会|市级工会)$/, { org: 'city' }],
  [/^(county|县|区|县总工会|区总工会|县\(区\)总工会|县（区）总工会|县区总工会)$/, { org: 'county' }],
  [/^(street|街道|园区|乡镇|街道工会|园区工会|乡镇工会|街道\(园区\)工会|街道（园区）工会)$/, { org: 'street' }],
  [/^(enterprise|企业|企业职工之家|企业工会)$/, { home: 'enterprise' }],
  [/^(joint|联合|区域|行业|联合职工之家|联合职工之家（区域\/行业）|联合职工之家\(区域\/行业\))$/, { home: 'joint' }],
];
const TYPE_HINT = [ORG_LEVEL_LABELS.city, ORG_LEVEL_LABELS.county, ORG_LEVEL_LABELS.street, '企业职工之家', '联合职工之家'].join('、');

const OWNERSHIP_BY_WORD = new Map<string, Ownership>([
  ...OWNERSHIPS.map((o) => [o, o] as [string, Ownership]),
  ...OWNERSHIPS.map((o) => [OWNERSHIP_LABELS[o], o] as [string, Ownership]),
  ['国企', 'state'],
  ['私营', 'private'],
  ['民营企业', 'private'],
  ['外资企业', 'foreign'],
  ['外商投资', 'foreign'],
]);

const MODE_BY_WORD = new Map<string, MembershipMode>([
  ['open', 'open'],
  ['开放', 'open'],
  ['扫码', 'open'],
  ['凡扫码即可评议', 'open'],
  ['roster', 'roster'],
  ['名册', 'roster'],
  ['仅限名册内会员', 'roster'],
]);

/** letters, digits and - _ . / (a 统一社会信用代码 is 18 of the first two), starting with a letter or digit */
const CODE = /^[0-9A-Z][0-9A-Z_\-./]{0,63}$/;

/** A code as it is stored and matched: upper case (credit codes are), no blanks. */
const normalizeCode = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

type Parsed = {
  index: number;
  line: number;
  code: string;
  parentCode: string;
  name: string;
  type: { org: OrgLevel } | { home: HomeKind } | null;
  home: Omit<HomeFields, 'name' | 'kind'>;
  problems: ImportProblem[];
};

/** A text cell: refused when a spreadsheet could run it as a formula, or with characters the API refuses anywhere. */
function text(column: ImportColumn, value: string, problems: ImportProblem[], max: number): string {
  const v = normalizeText(value);
  if (isFormulaLike(value) || isFormulaLike(v)) {
    problems.push({ column: HEADER[column], message: '以 = + - @ 开头的内容可能被表格软件当作公式执行，请删去开头的符号' });
  } else if (textCharacterProblem(v)) {
    problems.push({ column: HEADER[column], message: `${textCharacterProblem(v)}` });
  } else if (textLength(v) > max) {
    problems.push({ column: HEADER[column], message: `不能超过 ${max} 个字` });
  }
  return v;
}

function count(column: ImportColumn, value: string, problems: ImportProblem[], required: boolean): number | null {
  if (value === '') {
    if (required) problems.push({ column: HEADER[column], message: '职工之家须填写会员人数' });
    return null;
  }
  // Excel keeps whole numbers as "120"; "120.0" and "1,200" are read as people write them.
  const v = value.replace(/,/g, '').replace(/\.0+$/, '');
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1 || Number(v) > HEAD_COUNT_MAX) {
    problems.push({ column: HEADER[column], message: `「${value}」不是有效的人数（1 到 ${HEAD_COUNT_MAX} 之间的整数）` });
    return null;
  }
  return Number(v);
}

function parseLine(index: number, l: ImportLine): Parsed {
  const c = l.cells;
  const problems: ImportProblem[] = [];
  const name = text('name', c.name, problems, 100);
  if (isBlankText(name)) problems.push({ column: HEADER.name, message: '名称不能为空' });
  else if (textLength(name) < 2 && !problems.length) problems.push({ column: HEADER.name, message: '名称太短（至少 2 个字）' });

  const code = normalizeCode(c.code);
  if (code === '') problems.push({ column: HEADER.code, message: '外部编码不能为空（如统一社会信用代码，再次导入时据此识别同一单位）' });
  else if (!CODE.test(code))
    problems.push({ column: HEADER.code, message: '外部编码只能包含字母、数字和 - _ . /，以字母或数字开头，最长 64 位' });
  const parentCode = normalizeCode(c.parentCode);
  if (parentCode !== '' && !CODE.test(parentCode)) problems.push({ column: HEADER.parentCode, message: '上级工会编码格式不正确' });

  const typeWord = c.type.replace(/\s+/g, '').toLowerCase();
  const type = typeWord === '' ? null : (TYPE_WORDS.find(([re]) => re.test(typeWord))?.[1] ?? null);
  if (typeWord === '') problems.push({ column: HEADER.type, message: `请填写类型：${TYPE_HINT}` });
  else if (!type) problems.push({ column: HEADER.type, message: `无法识别的类型「${c.type}」，可填：${TYPE_HINT}` });

  const isHome = type !== null && 'home' in type;
  let home: Parsed['home'] = { industry: null, ownership: null, memberCount: 0, workerCount: null, membershipMode: 'open' };
  if (isHome) {
    const industry = text('industry', c.industry, problems, 50);
    let ownership: Ownership | null = null;
    if (c.ownership !== '') {
      ownership = OWNERSHIP_BY_WORD.get(c.ownership.replace(/\s+/g, '')) ?? null;
      if (!ownership)
        problems.push({
          column: HEADER.ownership,
          message: `无法识别的所有制「${c.ownership}」，可填：${OWNERSHIPS.map((o) => OWNERSHIP_LABELS[o]).join('、')}`,
        });
    }
    const memberCount = count('memberCount', c.memberCount, problems, true);
    const workerCount = count('workerCount', c.workerCount, problems, false);
    if (memberCount !== null && workerCount !== null && workerCount < memberCount)
      problems.push({ column: HEADER.workerCount, message: '职工人数不能少于会员人数' });
    let membershipMode: MembershipMode = 'open';
    if (c.membershipMode !== '') {
      const m = MODE_BY_WORD.get(c.membershipMode.replace(/\s+/g, '').toLowerCase());
      if (!m) problems.push({ column: HEADER.membershipMode, message: `无法识别的评议方式「${c.membershipMode}」，可填：开放、名册` });
      else membershipMode = m;
    }
    home = { industry: industry || null, ownership, memberCount: memberCount ?? 0, workerCount, membershipMode };
  }
  return { index, line: l.line, code, parentCode, name, type, home, problems };
}

const changed = <T>(a: T, b: T) => a !== b;

/**
 * Plans the whole file. `tick` is awaited every few thousand rows (the dry run yields there so progress
 * can be read and other requests served); it receives the rows handled so far.
 */
export async function planImport(lines: ImportLine[], ctx: ImportContext, tick?: (done: number) => Promise<void>): Promise<ImportPlan> {
  const total = lines.length;
  const parsed: Parsed[] = [];
  // Reading the cells is most of the work: progress runs over it (the resolution below is quick).
  for (let i = 0; i < lines.length; i++) {
    parsed.push(parseLine(i, lines[i]));
    if (tick && i % 2000 === 1999) await tick(i + 1);
  }

  // Codes used more than once in the file: every row carrying one is refused (which one is meant?).
  const byCode = new Map<string, Parsed[]>();
  for (const p of parsed) {
    if (!p.code || !CODE.test(p.code)) continue;
    const same = byCode.get(p.code);
    if (same) same.push(p);
    else byCode.set(p.code, [p]);
  }
  for (const [, same] of byCode)
    if (same.length > 1)
      for (const p of same)
        p.problems.push({
          column: HEADER.code,
          message: `外部编码在文件中重复（第 ${same
            .filter((o) => o !== p)
            .slice(0, 5)
            .map((o) => o.line)
            .join('、')} 行）`,
        });

  const writes: ImportPlan['writes'] = new Array(total).fill(null);
  const reports: ImportRowReport[] = parsed.map((p) => ({
    line: p.line,
    outcome: 'refused',
    target: p.type === null ? null : 'home' in p.type ? 'home' : 'org',
    code: p.code,
    name: p.name,
    changes: [],
    problems: p.problems,
  }));
  const refuse = (p: Parsed, column: ImportColumn | null, message: string) =>
    p.problems.push({ column: column ? HEADER[column] : null, message });

  /** The existing row with this code, if it lies within the import's subtree (else the row is refused). */
  const matchExisting = <T extends { name: string; deactivatedAt?: string | null }>(
    p: Parsed,
    found: T | undefined,
    path: (t: T) => string,
    other: boolean,
  ) => {
    if (other) {
      refuse(p, 'code', 'home' in p.type! ? '该编码已属于一个工会，不能作为职工之家导入' : '该编码已属于一个职工之家，不能作为工会导入');
      return null;
    }
    if (!found) return null;
    if (!isWithin(path(found), ctx.root.path)) {
      refuse(p, 'code', '该编码的单位不在您的管辖范围内');
      return null;
    }
    if (found.deactivatedAt) refuse(p, 'code', `「${found.name}」已停用：请先在「组织与职工之家」中恢复，再导入`);
    return found;
  };

  const resolveParent = (p: Parsed): { ref: ParentRef; level: OrgLevel; id: string | null } | null => {
    if (p.parentCode === '' || p.parentCode === ctx.root.code)
      return { ref: { existing: ctx.root }, level: ctx.root.level, id: ctx.root.id };
    const inFile = byCode.get(p.parentCode);
    if (inFile) {
      const parent = inFile[0];
      if (parent.type !== null && 'home' in parent.type) {
        refuse(p, 'parentCode', '上级必须是工会，不能是职工之家');
        return null;
      }
      // A parent row not yet decided sits at the same level or below: the nesting check refuses the row.
      if (inFile.length > 1 || parent.type === null || (decided.has(parent.index) && reports[parent.index].outcome === 'refused')) {
        refuse(p, 'parentCode', `上级工会所在的第 ${parent.line} 行有错误`);
        return null;
      }
      const existing = planned.get(parent.index);
      return { ref: existing ? { existing } : { row: parent.index }, level: parent.type.org, id: existing?.id ?? null };
    }
    const org = ctx.orgsByCode.get(p.parentCode);
    if (org) {
      if (!isWithin(org.path, ctx.root.path)) {
        refuse(p, 'parentCode', '上级工会不在您的管辖范围内');
        return null;
      }
      if (org.deactivatedAt) {
        refuse(p, 'parentCode', `上级工会「${org.name}」已停用，不能在其下导入`);
        return null;
      }
      return { ref: { existing: org }, level: org.level, id: org.id };
    }
    if (ctx.homesByCode.has(p.parentCode)) refuse(p, 'parentCode', '上级必须是工会，不能是职工之家');
    else refuse(p, 'parentCode', `找不到上级工会编码「${p.parentCode}」（文件中和系统中都没有）`);
    return null;
  };

  // Unions first, upper levels first: a parent row is always decided before its children, and a row
  // can only sit under a strictly higher level, so no chain of parents can loop.
  /** org rows that are valid and already exist (unchanged or updated): children go under the existing org */
  const planned = new Map<number, ExistingOrg>();
  const decided = new Set<number>();
  const orgRows = parsed
    .filter((p) => p.type !== null && 'org' in p.type)
    .sort((a, b) => levelRank((a.type as { org: OrgLevel }).org) - levelRank((b.type as { org: OrgLevel }).org) || a.index - b.index);
  for (const p of orgRows) {
    const level = (p.type as { org: OrgLevel }).org;
    if (p.code && p.code === ctx.root.code) refuse(p, 'code', '这是本级工会自身的编码，不能导入');
    const existing = matchExisting(p, ctx.orgsByCode.get(p.code), (o) => o.path, ctx.homesByCode.has(p.code));
    const parent = resolveParent(p);
    if (parent && !canNestOrg(parent.level, level))
      refuse(p, 'type', `「${ORG_LEVEL_LABELS[level]}」不能设在「${ORG_LEVEL_LABELS[parent.level]}」之下`);
    if (existing) {
      if (existing.level !== level) refuse(p, 'type', `与系统中的级别「${ORG_LEVEL_LABELS[existing.level]}」不同；级别不能通过导入修改`);
      if (parent && parent.id !== existing.parentId) refuse(p, 'parentCode', '与系统中的上级工会不同；移动请在「组织与职工之家」中操作');
    }
    decided.add(p.index);
    if (p.problems.length) continue;
    const report = reports[p.index];
    if (existing) {
      planned.set(p.index, existing);
      report.changes = changed(existing.name, p.name) ? [HEADER.name] : [];
      report.outcome = report.changes.length ? 'update' : 'unchanged';
      if (report.outcome === 'update')
        writes[p.index] = { target: 'org', index: p.index, name: p.name, level, code: p.code, parent: parent!.ref, existing };
    } else {
      report.outcome = 'create';
      writes[p.index] = { target: 'org', index: p.index, name: p.name, level, code: p.code, parent: parent!.ref, existing: null };
    }
  }

  // Homes: look-alike names are checked per destination org, against its homes and the file's.
  const namesByOrg = new Map<string, Map<string, string>>();
  const namesOf = async (key: string, org: ExistingOrg | null) => {
    let names = namesByOrg.get(key);
    if (!names) {
      names = new Map((org ? await ctx.homeNamesOf(org) : []).map((h) => [nameSkeleton(h.name), h.id]));
      namesByOrg.set(key, names);
    }
    return names;
  };
  for (const p of parsed) {
    if (p.type === null || !('home' in p.type)) continue;
    const existing = matchExisting(
      p,
      ctx.homesByCode.get(p.code),
      (h) => h.orgPath,
      ctx.orgsByCode.has(p.code) || p.code === ctx.root.code,
    );
    const parent = resolveParent(p);
    if (existing && parent && parent.id !== existing.orgId)
      refuse(p, 'parentCode', '与系统中的上级工会不同；移动请在「组织与职工之家」中操作');
    const fields: HomeFields = { name: p.name, kind: p.type.home, ...p.home };
    if (!p.problems.length && parent && (!existing || existing.name !== p.name)) {
      const key = 'existing' in parent.ref ? parent.ref.existing.id : `row:${parent.ref.row}`;
      const names = await namesOf(key, 'existing' in parent.ref ? parent.ref.existing : null);
      const skeleton = nameSkeleton(p.name);
      const twin = names.get(skeleton);
      if (twin !== undefined && twin !== existing?.id) refuse(p, 'name', '与同一工会下已有（或文件中前面）的职工之家名称相同或难以区分');
      else names.set(skeleton, existing?.id ?? `line:${p.line}`);
    }
    if (p.problems.length) continue;
    const report = reports[p.index];
    if (existing) {
      report.changes = (Object.keys(fields) as Array<keyof HomeFields>)
        .filter((k) => changed(existing[k], fields[k]))
        .map((k) => HEADER[k === 'kind' ? 'type' : k]);
      report.outcome = report.changes.length ? 'update' : 'unchanged';
    } else report.outcome = 'create';
    if (report.outcome !== 'unchanged')
      writes[p.index] = { target: 'home', index: p.index, code: p.code, parent: parent!.ref, existing, ...fields };
  }

  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, refused: 0 };
  for (const r of reports) counts[r.outcome]++;
  if (tick) await tick(total);
  return { rows: reports, writes, counts };
}

const levelRank = (l: OrgLevel) => ORG_LEVELS.indexOf(l);
