import {
  IMPORT_COLUMNS,
  IMPORT_OUTCOME_LABELS,
  neutralizeCell,
  ORG_LEVEL_LABELS,
  OWNERSHIP_LABELS,
  type ImportRowReport,
} from '@pingjia/shared';
import type { Readable } from 'node:stream';
import { header, newWorkbook, streamedWorkbook, toBuffer } from '../common/workbook';

// The template to fill in, and the dry run's report. The report echoes what people typed: every text
// cell goes through neutralizeCell, so a name such as "=HYPERLINK(…)" stays text when opened.

const GUIDE: Array<[string, string]> = [
  ['上级工会编码', '上级工会的外部编码：可以是本文件中前面或后面的工会，也可以是系统中已有的工会；留空表示直接设在本级工会之下'],
  ['名称', '必填，2 到 100 个字；同一工会下的职工之家名称不能相同或难以区分'],
  ['类型', `必填：${ORG_LEVEL_LABELS.city}、${ORG_LEVEL_LABELS.county}、${ORG_LEVEL_LABELS.street}（工会），或 企业职工之家、联合职工之家`],
  ['行业', '职工之家选填，最多 50 个字，如：制造业'],
  ['所有制', `职工之家选填：${Object.values(OWNERSHIP_LABELS).join('、')}`],
  ['会员人数', '职工之家必填，正整数（计算参评率的基数）'],
  ['职工人数', '职工之家选填，正整数，不少于会员人数（用于入会率）'],
  ['评议方式', '职工之家选填：开放（凡扫码即可评议，默认）或 名册（仅限名册内会员）'],
  ['外部编码', '必填，如统一社会信用代码：全省唯一；再次导入同一文件时据此识别同一单位，已有的会被更新而不会重复创建'],
];

export async function templateWorkbook(): Promise<Buffer> {
  const wb = newWorkbook();
  const sheet = wb.addWorksheet('导入');
  header(
    sheet,
    IMPORT_COLUMNS.map((c) => c.header),
    [20, 30, 18, 14, 12, 10, 10, 10, 22],
  );
  // Codes are text: an 18-digit number would lose its last digits as an Excel number.
  for (const col of [1, 9]) sheet.getColumn(col).numFmt = '@';
  const guide = wb.addWorksheet('填写说明');
  header(guide, ['列', '说明'], [14, 100]);
  for (const row of GUIDE) guide.addRow(row);
  guide.addRow([]);
  guide.addRow(['示例', '（以下三行仅为示例，请在「导入」工作表中填写）']);
  guide.addRow(IMPORT_COLUMNS.map((c) => c.header));
  guide.addRow(['', '示范区总工会', ORG_LEVEL_LABELS.county, '', '', '', '', '', '91000000MA0000001X']);
  guide.addRow(['91000000MA0000001X', '示范机床厂工会职工之家', '企业职工之家', '制造业', '国有', 320, 400, '开放', '91000000MA0000002X']);
  return toBuffer(wb);
}

/** the report's order: refused rows first (one line per problem), then what would change */
export const REPORT_ORDER = ['refused', 'create', 'update', 'unchanged'] as const;

/**
 * The dry run's report, written to the reply as the rows come: `rows` gives them in report order
 * (REPORT_ORDER, each outcome in file order), a page at a time.
 */
export function reportWorkbook(rows: AsyncIterable<ImportRowReport[]>): Readable {
  return streamedWorkbook(async (wb, page) => {
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
    for await (const part of rows) {
      for (const r of part) {
        if (r.outcome === 'refused') for (const p of r.problems) add(r, p.column, p.message);
        else
          add(
            r,
            null,
            r.outcome === 'update' ? `将修改：${r.changes.join('、')}` : r.outcome === 'create' ? '将新建' : '与系统中一致，不作修改',
          );
      }
      await page(sheet);
    }
    sheet.commit();
  });
}
