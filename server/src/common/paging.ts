import { invalid } from './domain-error';

export interface Paging {
  page: number;
  pageSize: number;
  skip: number;
}

/** page (from 1) and pageSize (1..max) from the query string; anything else is a 400. */
export function paging(page: string | undefined, pageSize: string | undefined, fallbackSize = 20, max = 100): Paging {
  const p = page === undefined ? 1 : Number(page);
  const s = pageSize === undefined ? fallbackSize : Number(pageSize);
  const fields: Record<string, string> = {};
  if (!Number.isInteger(p) || p < 1 || p > 100_000) fields.page = '必须是 1 以上的整数';
  if (!Number.isInteger(s) || s < 1 || s > max) fields.pageSize = `必须是 1 到 ${max} 的整数`;
  if (Object.keys(fields).length) throw invalid(fields);
  return { page: p, pageSize: s, skip: (p - 1) * s };
}

/** [from, to) covering every path that starts with `path` (which ends in '/'): an index range, not LIKE. */
export function subtreeRange(path: string): { from: string; to: string } {
  // '/' sorts directly before '0'; paths hold only UUID characters and '/'.
  return { from: path, to: `${path.slice(0, -1)}0` };
}
