import { neutralizeCell } from '@pingjia/shared';
import type * as ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

// exceljs (with its zip, stream and promise libraries) serves exports and roster uploads only: it is
// loaded on first use rather than at start, which keeps start-up time and idle memory down.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const excel = (): typeof ExcelJS => require('exceljs');

/** the content type of an .xlsx file (roster uploads, exports) */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WITHHELD = '—';
export type Cell = string | number | null | undefined;

/** A row whose text cannot turn into a formula; withheld (null) figures print as "—". */
export function addSafeRow(sheet: ExcelJS.Worksheet, values: Cell[]): ExcelJS.Row {
  return sheet.addRow(values.map((v) => (v === null || v === undefined ? WITHHELD : neutralizeCell(v))));
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = '评家';
  wb.created = new Date(0);
  return wb;
}

export function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[] = []): void {
  const row = addSafeRow(sheet, titles);
  row.font = { bold: true };
  titles.forEach((_, i) => (sheet.getColumn(i + 1).width = widths[i] ?? 14));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export const percent = (rate: number | null): Cell => (rate === null ? null : Math.round(rate * 10000) / 100);

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends the answer as an .xlsx download, never cached on the way. */
export function asXlsxDownload(reply: FastifyReply, name: string): void {
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename="${name}.xlsx"`);
  reply.header('cache-control', 'private, no-store');
}
