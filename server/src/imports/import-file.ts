import { IMPORT_COLUMNS, type ImportColumn } from '@pingjia/shared';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../common/domain-error';
import { readXlsxRows, type XlsxLimits } from '../common/xlsx-rows';

/** One data row of the file, its cells by column (trimmed text; '' when absent). */
export interface ImportLine {
  /** the row's number in the file, the header being 1 */
  line: number;
  cells: Record<ImportColumn, string>;
}

/** rows of one file, header excluded: a province is ~50,000 homes */
const IMPORT_MAX_ROWS = 100_000;
const MAX_COLUMNS = 30;
const MAX_CELLS = IMPORT_MAX_ROWS * IMPORT_COLUMNS.length;
const MAX_SHARED_CHARS = 16 * 1024 * 1024;

const byHeader = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [c.header, c.key]));
const clean = (s: string | undefined) => String(s ?? '').trim();

const invalidFile = (message: string) => new DomainError('VALIDATION_FAILED', message, { file: message });

function fromRows(rows: string[][]): ImportLine[] {
  const header = (rows[0] ?? []).map((h) => byHeader.get(clean(h).replace(/\s+/g, '')));
  const missing = IMPORT_COLUMNS.filter((c) => ['name', 'type', 'code'].includes(c.key) && !header.includes(c.key));
  if (missing.length) throw invalidFile(`第 1 行应为表头，缺少「${missing.map((c) => c.header).join('」「')}」列；请使用下载的模板填写`);
  const lines: ImportLine[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.every((c) => clean(c) === '')) continue;
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, ''])) as Record<ImportColumn, string>;
    header.forEach((key, col) => {
      if (key) cells[key] = clean(row[col]);
    });
    lines.push({ line: i + 1, cells });
  }
  if (lines.length === 0) throw invalidFile('文件中没有数据行');
  if (lines.length > IMPORT_MAX_ROWS) throw new DomainError('PAYLOAD_TOO_LARGE', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请拆分文件`);
  return lines;
}

export function parseImportCsv(text: string): ImportLine[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, to: IMPORT_MAX_ROWS + 2 });
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    throw invalidFile(`CSV 格式有误（第 ${line} 行附近，请检查引号和分隔符）`);
  }
  if (rows.length > IMPORT_MAX_ROWS + 1) throw new DomainError('PAYLOAD_TOO_LARGE', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请拆分文件`);
  return fromRows(rows);
}

/** The first sheet, read within the upload limits (common/xlsx-rows.ts). */
export async function parseImportXlsx(data: Buffer, limits: Pick<XlsxLimits, 'maxPartBytes' | 'maxSheets'>): Promise<ImportLine[]> {
  const rows = await readXlsxRows(data, {
    ...limits,
    maxRows: IMPORT_MAX_ROWS + 1,
    maxColumns: MAX_COLUMNS,
    maxCells: MAX_CELLS,
    maxSharedChars: MAX_SHARED_CHARS,
  });
  return fromRows(rows);
}
