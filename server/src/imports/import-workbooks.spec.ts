import { IMPORT_OUTCOME_LABELS, neutralizeCell, type ImportRowReport } from '@pingjia/shared';
import { PassThrough } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { excel } from '../common/workbook';
import { reportWorkbook, REPORT_ORDER } from './import-workbooks';

// The import's Excel report written from pages of stored rows against the report as it was made before
// (every row read at once, sorted, then written): the same parts, byte for byte, inside the zip.

/** The report before it was streamed from pages (import-workbooks.ts until the sixth pass), kept as the reference. */
async function allAtOnce(rows: ImportRowReport[]): Promise<Buffer> {
  const OUTCOME_ORDER = { refused: 0, create: 1, update: 2, unchanged: 3 } as const;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '评家';
  wb.created = new Date(0);
  const sheet = wb.addWorksheet('导入检查报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', width: 8 },
    { header: '结果', width: 8 },
    { header: '对象', width: 10 },
    { header: '外部编码', width: 22 },
    { header: '名称', width: 30 },
    { header: '列', width: 12 },
    { header: '说明', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  const sorted = [...rows].sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || a.line - b.line);
  const add = (r: ImportRowReport, column: string | null, message: string) =>
    sheet
      .addRow([
        r.line,
        IMPORT_OUTCOME_LABELS[r.outcome],
        r.target === 'org' ? '工会' : r.target === 'home' ? '职工之家' : '',
        neutralizeCell(r.code),
        neutralizeCell(r.name),
        column ?? '',
        neutralizeCell(message),
      ])
      .commit();
  for (const r of sorted) {
    if (r.outcome === 'refused') for (const p of r.problems) add(r, p.column, p.message);
    else
      add(
        r,
        null,
        r.outcome === 'update' ? `将修改：${r.changes.join('、')}` : r.outcome === 'create' ? '将新建' : '与系统中一致，不作修改',
      );
  }
  sheet.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** The zip's parts by name, inflated (from its central directory). */
function parts(zip: Buffer): Map<string, string> {
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out = new Map<string, string>();
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    // docProps/core.xml says when the file was written (both builders): not part of what is compared
    const text = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    out.set(name, text.replace(/<dcterms:modified[^>]*>[^<]*<\/dcterms:modified>/, ''));
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

const OUTCOMES = ['create', 'refused', 'unchanged', 'update', 'create', 'create', 'refused'] as const;

function row(i: number): ImportRowReport {
  const outcome = OUTCOMES[i % OUTCOMES.length];
  return {
    line: i + 2,
    outcome,
    target: i % 5 === 0 ? 'org' : i % 17 === 0 ? null : 'home',
    code: `91000000MA${String(i).padStart(8, '0')}`,
    name: i % 23 === 0 ? `=HYPERLINK("http://x.example/${i}")` : `第${i}职工之家`,
    changes: outcome === 'update' ? ['名称', '会员人数'] : [],
    problems:
      outcome === 'refused'
        ? [{ column: '名称', message: `第${i}行的问题` }, ...(i % 2 ? [{ column: null, message: '=另一问题' }] : [])]
        : [],
  };
}

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('reportWorkbook', () => {
  it('writes, from stored chunks read one outcome at a time, the parts the report held whole wrote', async () => {
    const rows = Array.from({ length: 2600 }, (_, i) => row(i));
    // As the store gives them: chunks of 1000 rows in file order, each outcome of REPORT_ORDER in turn.
    async function* pages() {
      for (const outcome of REPORT_ORDER)
        for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000).filter((r) => r.outcome === outcome);
    }
    const streamed = parts(await drain(reportWorkbook(pages())));
    const before = parts(await allAtOnce(rows));
    expect([...streamed.keys()]).toEqual([...before.keys()]);
    for (const [name, xml] of before) expect([name, streamed.get(name)]).toEqual([name, xml]);
    // refused rows first, one line per problem; then the rest by outcome, each in file order
    const sheet = streamed.get('xl/worksheets/sheet1.xml')!;
    const lines = [...sheet.matchAll(/<row r="\d+"[^>]*><c r="A\d+"[^>]*><v>(\d+)<\/v>/g)].map((m) => Number(m[1]));
    const refusedLines = rows.filter((r) => r.outcome === 'refused').flatMap((r) => r.problems.map(() => r.line));
    expect(lines.slice(0, refusedLines.length)).toEqual(refusedLines);
    expect(lines).toHaveLength(rows.reduce((n, r) => n + Math.max(1, r.problems.length), 0));
  }, 60_000);
});
