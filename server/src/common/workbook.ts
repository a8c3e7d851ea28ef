import { applyDecorators, CallHandler, ExecutionContext, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { neutralizeCell } from '@pingjia/shared';
import type * as ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { Observable, tap } from 'rxjs';
import { privateFile } from './private-file';

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

/**
 * The route answers the file its handler returns as the download `name`.xlsx, never cached on the way.
 * The headers are set once the file is made: an error answers as JSON without them.
 */
export const XlsxDownload = (name: string) => applyDecorators(ApiProduces(XLSX_TYPE), UseInterceptors(new XlsxDownloadHeaders(name)));

class XlsxDownloadHeaders implements NestInterceptor {
  constructor(private readonly name: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap(() => {
        privateFile(context.switchToHttp().getResponse<FastifyReply>(), XLSX_TYPE, `attachment; filename="${this.name}.xlsx"`);
      }),
    );
  }
}
