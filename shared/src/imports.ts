// Bulk import of unions and homes (a federation's own subtree): the file's columns, and the job the
// server runs over it (dry run, then apply) as the API shows it.

/** The template's columns, in order: key and the Chinese header the file carries. */
export const IMPORT_COLUMNS = [
  { key: 'parentCode', header: '上级工会编码' },
  { key: 'name', header: '名称' },
  { key: 'type', header: '类型' },
  { key: 'industry', header: '行业' },
  { key: 'ownership', header: '所有制' },
  { key: 'memberCount', header: '会员人数' },
  { key: 'workerCount', header: '职工人数' },
  { key: 'membershipMode', header: '评议方式' },
  { key: 'code', header: '外部编码' },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

export const IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  create: '新建',
  update: '更新',
  unchanged: '无变化',
  refused: '拒绝',
};

export type ImportCounts = Record<ImportOutcome, number>;

/** checking: the dry run; checked: report ready; applying; applied; failed (nothing was written). */
export type ImportStatus = 'checking' | 'checked' | 'applying' | 'applied' | 'failed';

export interface ImportJob {
  id: string;
  orgId: string;
  status: ImportStatus;
  /** rows handled so far in the current step, out of total */
  progress: { done: number; total: number };
  /** what the dry run found (all zero while checking) */
  counts: ImportCounts;
  /** what the apply wrote (null until applied) */
  applied: { orgsCreated: number; homesCreated: number; orgsUpdated: number; homesUpdated: number } | null;
  /** why the job failed (the file unreadable, the data changed since the dry run) */
  error: { code: string; message: string } | null;
}

export interface ImportProblem {
  /** the column's Chinese header, or null for the row as a whole */
  column: string | null;
  message: string;
}

export interface ImportRowReport {
  /** line in the file, the header being line 1 */
  line: number;
  outcome: ImportOutcome;
  /** what the row is: a union or a home (null when the type could not be read) */
  target: 'org' | 'home' | null;
  code: string;
  name: string;
  /** the fields an update changes (Chinese headers) */
  changes: string[];
  problems: ImportProblem[];
}
