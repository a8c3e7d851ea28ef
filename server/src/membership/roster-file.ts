import { parse } from 'csv-parse/sync';
import { excel } from '../common/workbook';

export interface RosterLine {
  name: string;
  memberNo: string;
  phone: string | null;
}

export interface RosterParse {
  lines: RosterLine[];
  /** 1-based line numbers (header = 1) with what is wrong */
  errors: Array<{ line: number; reason: string }>;
}

const HEADERS: Record<string, keyof RosterLine> = {
  name: 'name', 姓名: 'name',
  memberno: 'memberNo', 会员编号: 'memberNo', 会员号: 'memberNo', 工号: 'memberNo',
  phone: 'phone', 手机: 'phone', 手机号: 'phone', 电话: 'phone',
};

export const MAX_ROSTER_LINES = 100_000;

function fromRows(rows: string[][]): RosterParse {
  const [header, ...body] = rows;
  const columns = (header ?? []).map((h) => HEADERS[String(h ?? '').trim().replace(/\s+/g, '').toLowerCase()] ?? HEADERS[String(h ?? '').trim()]);
  const lines: RosterLine[] = [];
  const errors: RosterParse['errors'] = [];
  if (!columns.includes('name') || !columns.includes('memberNo')) {
    return { lines, errors: [{ line: 1, reason: '表头需要包含「姓名」和「会员编号」两列' }] };
  }
  if (body.length > MAX_ROSTER_LINES) return { lines, errors: [{ line: 1, reason: `名册不能超过 ${MAX_ROSTER_LINES} 行` }] };
  body.forEach((row, i) => {
    const get = (key: keyof RosterLine) => String(row[columns.indexOf(key)] ?? '').trim();
    if (row.every((c) => String(c ?? '').trim() === '')) return;
    const name = get('name');
    const memberNo = get('memberNo');
    const phone = columns.includes('phone') ? get('phone') : '';
    if (!name || !memberNo) errors.push({ line: i + 2, reason: '姓名和会员编号不能为空' });
    else if (name.length > 50 || memberNo.length > 50) errors.push({ line: i + 2, reason: '姓名或会员编号太长' });
    else if (phone && !/^1\d{10}$/.test(phone)) errors.push({ line: i + 2, reason: '手机号格式不正确' });
    else lines.push({ name, memberNo, phone: phone || null });
  });
  return { lines, errors };
}

export function parseRosterCsv(text: string): RosterParse {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    // Malformed CSV (a stray quote, say) is the uploader's mistake: a 400 naming the line, never a 500.
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    return { lines: [], errors: [{ line, reason: 'CSV 格式有误（请检查引号和分隔符）' }] };
  }
  return fromRows(rows);
}

export async function parseRosterXlsx(data: Buffer): Promise<RosterParse> {
  const book = new (excel().Workbook)();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return { lines: [], errors: [{ line: 1, reason: '工作簿中没有工作表' }] };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && v && 'text' in v ? String((v as { text: unknown }).text) : String(v))));
  });
  return fromRows(rows);
}
