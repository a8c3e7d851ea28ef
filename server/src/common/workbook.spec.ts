import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { firstValueFrom, of, throwError } from 'rxjs';
import { XlsxDownload, XLSX_TYPE } from './workbook';

// The route-level interceptor XlsxDownload('name') installs, run against a recorded reply.
function run(answer: () => ReturnType<CallHandler['handle']>): { headers: Record<string, string>; done: Promise<unknown> } {
  class Routes {
    download(): void {}
  }
  XlsxDownload('league')(Routes.prototype, 'download', Object.getOwnPropertyDescriptor(Routes.prototype, 'download')!);
  const [interceptor] = Reflect.getMetadata(INTERCEPTORS_METADATA, Routes.prototype.download) as NestInterceptor[];
  const headers: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => (headers[name] = value) };
  const context = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ExecutionContext;
  const done = firstValueFrom(interceptor.intercept(context, { handle: answer }) as ReturnType<CallHandler['handle']>);
  return { headers, done };
}

describe('XlsxDownload', () => {
  it('answers the file as a named .xlsx download that nothing on the way may cache', async () => {
    const file = Buffer.from('xlsx');
    const { headers, done } = run(() => of(file));
    expect(await done).toBe(file);
    expect(headers).toEqual({
      'content-type': XLSX_TYPE,
      'content-disposition': 'attachment; filename="league.xlsx"',
      'cache-control': 'private, no-store',
    });
  });

  it('leaves an error answer without the download headers', async () => {
    const { headers, done } = run(() => throwError(() => new Error('403')));
    await expect(done).rejects.toThrow('403');
    expect(headers).toEqual({});
  });
});
