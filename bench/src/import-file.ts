import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '@pingjia/shared';
import { PassThrough } from 'node:stream';

// A province's structure as a bulk-import file: 13 cities of 8 counties each, then homes spread over
// the counties, `rows` rows in all. Codes are 18-character credit-code look-alikes, unique per run tag.

const INDUSTRIES = ['制造业', '建筑业', '批发和零售业', '交通运输业', '信息技术', '金融业', '教育', '卫生'];
const OWNERSHIPS = ['国有', '集体', '民营', '外资', '事业单位', '社会组织'];

const code = (tag: string, kind: string, n: number) => `91${tag}${kind}${String(n).padStart(18 - 3 - tag.length, '0')}`.slice(0, 18);

export function importRows(rows: number, tag: string): string[][] {
  const out: string[][] = [IMPORT_COLUMNS.map((c) => c.header)];
  const counties: string[] = [];
  for (let c = 0; c < 13 && out.length <= rows; c++) {
    const city = code(tag, 'C', c);
    out.push(['', `第${c + 1}市总工会`, '市总工会', '', '', '', '', '', city]);
    for (let k = 0; k < 8 && out.length <= rows; k++) {
      const county = code(tag, 'K', c * 8 + k);
      counties.push(county);
      out.push([city, `第${c + 1}市第${k + 1}区总工会`, '县（区）总工会', '', '', '', '', '', county]);
    }
  }
  for (let h = 0; out.length <= rows; h++) {
    const members = 20 + ((h * 37) % 900);
    out.push([
      counties[h % counties.length],
      `第${h + 1}号企业工会职工之家`,
      h % 10 === 0 ? '联合职工之家' : '企业职工之家',
      INDUSTRIES[h % INDUSTRIES.length],
      OWNERSHIPS[h % OWNERSHIPS.length],
      String(members),
      String(members + (h % 50)),
      h % 7 === 0 ? '名册' : '开放',
      code(tag, 'H', h),
    ]);
  }
  return out;
}

/** The rows as an .xlsx (shared strings, as Excel writes them); numbers as numbers. */
export async function importXlsx(rows: string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = wb.addWorksheet('导入');
  rows.forEach((r, i) => sheet.addRow(i === 0 ? r : r.map((v, col) => ((col === 5 || col === 6) && v !== '' ? Number(v) : v))).commit());
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
