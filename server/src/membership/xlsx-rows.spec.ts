import { deflateRawSync } from 'node:zlib';
import { excel } from '../common/workbook';
import { parseRosterXlsx } from './roster-file';
import { readXlsxRows } from '../common/xlsx-rows';

const LIMITS = { maxPartBytes: 32 * 1024 * 1024, maxSheets: 20, maxRows: 1000, maxColumns: 20, maxCells: 5000, maxSharedChars: 100_000 };

async function workbook(fill: (book: InstanceType<ReturnType<typeof excel>['Workbook']>) => void): Promise<Buffer> {
  const book = new (excel().Workbook)();
  fill(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe(readXlsxRows.name, () => {
  it('reads what exceljs writes: shared strings, numbers, gaps between rows and cells, the first sheet only', async () => {
    const file = await workbook((book) => {
      const sheet = book.addWorksheet('名册');
      sheet.getCell('A1').value = '姓名';
      sheet.getCell('B1').value = '会员编号';
      sheet.getCell('C1').value = '手机号';
      sheet.getCell('A2').value = '张三';
      sheet.getCell('B2').value = 'GH001';
      sheet.getCell('C2').value = 13800138000;
      sheet.getCell('A4').value = '李四';
      sheet.getCell('C4').value = '13900139000';
      book.addWorksheet('其他').getCell('A1').value = '不读';
    });
    expect(await readXlsxRows(file, LIMITS)).toEqual([
      ['姓名', '会员编号', '手机号'],
      ['张三', 'GH001', '13800138000'],
      [],
      ['李四', '', '13900139000'],
    ]);
    expect(await parseRosterXlsx(file, LIMITS)).toEqual({
      lines: [{ name: '张三', memberNo: 'GH001', phone: '13800138000' }],
      errors: [{ line: 4, reason: '姓名和会员编号不能为空' }],
    });
  });

  it('refuses more rows, columns or sheets than allowed with 413 before reading on', async () => {
    const rows = await workbook((book) => {
      const sheet = book.addWorksheet('名册');
      for (let i = 0; i < 30; i++) sheet.addRow([`名${i}`, `N${i}`]);
    });
    await expect(readXlsxRows(rows, { ...LIMITS, maxRows: 20 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/19 行/),
    });
    const wide = await workbook((book) => book.addWorksheet('名册').addRow(Array.from({ length: 30 }, (_, i) => i)));
    await expect(readXlsxRows(wide, LIMITS)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const sheets = await workbook((book) => {
      for (let i = 0; i < 25; i++) book.addWorksheet(`表${i}`);
    });
    await expect(readXlsxRows(sheets, LIMITS)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/工作表/),
    });
  });

  it('answers 400 to what is not an .xlsx at all', async () => {
    await expect(readXlsxRows(Buffer.from('姓名,会员编号\n'), LIMITS)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(readXlsxRows(deflateRawSync(Buffer.alloc(1000)), LIMITS)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
