import { parse } from 'csv-parse/sync';
import { header, newWorkbook, toBuffer } from '../common/workbook';
import { readXlsxRows, XlsxLimits } from '../common/xlsx-rows';

interface RosterLine {
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
  name: 'name',
  姓名: 'name',
  memberno: 'memberNo',
  会员编号: 'memberNo',
  会员号: 'memberNo',
  工号: 'memberNo',
  phone: 'phone',
  手机: 'phone',
  手机号: 'phone',
  电话: 'phone',
};

const MAX_ROSTER_LINES = 100_000;
/** a roster has three columns; a few more (notes, departments) are tolerated and ignored */
const ROSTER_MAX_COLUMNS = 20;
const ROSTER_MAX_CELLS = 5 * MAX_ROSTER_LINES;
/** all distinct texts of a workbook together */
const ROSTER_MAX_CHARS = 8 * 1024 * 1024;

function fromRows(rows: string[][]): RosterParse {
  const [header, ...body] = rows;
  const columns = (header ?? []).map(
    (h) =>
      HEADERS[
        String(h ?? '')
          .trim()
          .replace(/\s+/g, '')
          .toLowerCase()
      ] ?? HEADERS[String(h ?? '').trim()],
  );
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

/** The first sheet of a roster workbook, read within the upload limits (xlsx-rows.ts). */
export async function parseRosterXlsx(data: Buffer, limits: Pick<XlsxLimits, 'maxPartBytes' | 'maxSheets'>): Promise<RosterParse> {
  const rows = await readXlsxRows(data, {
    ...limits,
    maxRows: MAX_ROSTER_LINES + 1,
    maxColumns: ROSTER_MAX_COLUMNS,
    maxCells: ROSTER_MAX_CELLS,
    maxSharedChars: ROSTER_MAX_CHARS,
  });
  return fromRows(rows);
}

/**
 * The file to fill in: the headers the reader knows, text-formatted columns (member numbers keep their
 * leading zeros) and the rules on a second sheet (only the first sheet is read).
 */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const sheet = wb.addWorksheet('会员名册');
  header(sheet, ['姓名', '会员编号', '手机号'], [14, 18, 16]);
  for (const c of [1, 2, 3]) sheet.getColumn(c).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '第一张表为会员名册，第一行是表头，请勿修改；从第二行起每行一位会员。',
    '姓名、会员编号必填（各不超过 50 字）；手机号选填，为 11 位数字。',
    `最多 ${MAX_ROSTER_LINES} 行。上传后替换原名册：仍在名册中的会员保留已绑定的微信账号。`,
    '名册只以加密摘要保存，系统不能导出会员姓名，请妥善保管本文件。',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 90;
  return toBuffer(wb);
}
