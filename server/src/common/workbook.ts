import { applyDecorators, CallHandler, ExecutionContext, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { neutralizeCell } from '@pingjia/shared';
import type * as ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
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

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * A sheet of a streamed workbook with its header row written: bold titles, the given widths, frozen under
 * the header (as `header` makes them in a workbook held whole).
 */
export function streamedSheet(wb: WorkbookWriter, name: string, titles: string[], widths: number[] = []): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  titles.forEach((_, i) => (sheet.getColumn(i + 1).width = widths[i] ?? 14));
  const row = addSafeRow(sheet, titles);
  row.font = { bold: true };
  row.commit();
  return sheet;
}

/**
 * A write to `s` was refused until it drains. The zip's input is readable-stream 2's PassThrough (archiver),
 * which has no `writableNeedDrain`: its state says it, as Node's own streams' does.
 */
const needsDrain = (s: Writable) =>
  !s.destroyed && !!(s as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain;

/** Resolves when `s` has taken what it holds (or was closed). */
const drained = (s: Writable) =>
  new Promise<void>((resolve) => {
    const done = () => {
      s.off('drain', done).off('close', done);
      resolve();
    };
    s.on('drain', done).on('close', done);
  });

/**
 * A workbook written while it is made, as the reply's body: what is held at once is a page of rows and the
 * stream's buffers, not the file (a workbook held whole took ~1 GB for a province's 50,000 homes). `write`
 * gets the writer and `page`, to await after each page of rows of a sheet: it waits until the zip has taken
 * them and the download the zip's output, and lets other requests run. Check everything that can refuse
 * (access, the data's snapshot) before calling this, so a refusal still answers as JSON; an error while
 * writing ends the download short (a broken file).
 */
export function streamedWorkbook(
  write: (wb: WorkbookWriter, page: (sheet: ExcelJS.Worksheet) => Promise<void>) => Promise<void>,
): Readable {
  const out = new PassThrough();
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '评家';
  wb.created = new Date(0);
  const page = async (sheet: ExcelJS.Worksheet) => {
    // exceljs's sheet stream hands each 64 KB it is given to the zip's input at once, however far behind the
    // compression is (no backpressure): without this wait the whole sheet's XML gathered there.
    const zipInput = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
    for (const s of [...zipInput, out]) if (needsDrain(s)) await drained(s);
    await nextTurn();
    // The download was closed (the client left): stop making it.
    if (out.destroyed) throw new Error('download closed');
  };
  write(wb, page)
    .then(() => wb.commit())
    .catch((e: unknown) => out.destroy(e as Error));
  return out;
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
