import { Logger } from '@nestjs/common';
import { DomainError } from './domain-error';

// Libraries that serve rare requests (posters, PDFs, QR codes, fonts, home-name checks, spreadsheet
// uploads, Redis when configured) are loaded on first use instead of at start: together they were about a
// sixth of the time to ready (docs/performance.md, issue 20, third pass). require() keeps each after its
// first load, so a later call costs a cache look-up. exceljs is loaded the same way (workbook.ts `excel`).
/* eslint-disable @typescript-eslint/no-require-imports */
export const pdfkit = (): typeof import('pdfkit') => require('pdfkit');
export const qrcode = (): typeof import('qrcode') => require('qrcode');
export const fontkit = (): typeof import('fontkit') => require('fontkit');
export const confusables = (): typeof import('unicode-confusables') => require('unicode-confusables');
export const saxes = (): typeof import('saxes') => require('saxes');
export const ioredis = (): typeof import('ioredis') => require('ioredis');
export const redisThrottlerStorage = (): typeof import('@nest-lab/throttler-storage-redis') => require('@nest-lab/throttler-storage-redis');

/**
 * The poster renderer's native library. A build that cannot load it (a missing or mismatched binary) no
 * longer stops the server at start: the poster request answers 503 and the log says why, once per attempt.
 */
export function canvas(): typeof import('@napi-rs/canvas') {
  try {
    return require('@napi-rs/canvas');
  } catch (e) {
    new Logger('Posters').error(`@napi-rs/canvas could not be loaded: ${(e as Error).message}`);
    throw new DomainError('SERVICE_UNAVAILABLE', '服务器暂不能生成海报图片，请下载 PDF 海报');
  }
}
