import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

// PDFs are read with poppler-utils (pdfinfo, pdftotext, pdftoppm: scripts/test.sh installs them), the
// renderer most Linux viewers use: what it extracts and draws is what a reader gets.
const run = promisify(execFile);

async function withFile<T>(pdf: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pingjia-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return await fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function pdfPages(pdf: Buffer): Promise<number> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  });
}

/** The document properties pdfinfo prints (Title, Creator, Producer, CreationDate, …), by name. */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-isodates', file]);
    const lines = stdout.split('\n').map((l) => /^([A-Za-z ]+):\s+(.*)$/.exec(l));
    return Object.fromEntries(lines.filter((m) => m !== null).map((m) => [m[1], m[2]]));
  });
}

/** The text of one page (1-based) or of all pages, in reading order. */
export async function pdfText(pdf: Buffer, page?: number): Promise<string> {
  return withFile(pdf, async (file) => {
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    const { stdout } = await run('pdftotext', [...range, '-layout', file, '-'], { maxBuffer: 64 << 20 });
    return stdout;
  });
}

/** One page (1-based) rendered to PNG at `dpi`. */
export async function renderPage(pdf: Buffer, page = 1, dpi = 100): Promise<Buffer> {
  return withFile(pdf, async (file, dir) => {
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  });
}

/** Share of pixels that are not near-white: a blank page is 0, a printed poster well above. */
export function inkCoverage(png: Buffer): number {
  const img = PNG.sync.read(png);
  let ink = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i] + img.data[i + 1] + img.data[i + 2] < 600) ink++;
  return ink / (img.width * img.height);
}

/** The text of the QR code drawn on a rendered page, or null. */
export function readQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

/** Keeps a rendered page in the results folder; `bash scripts/screenshots.sh` copies them to docs/screenshots/. */
export function keepShot(name: string, png: Buffer): void {
  const dir = resolve(__dirname, '../..', process.env.SCREENSHOTS_DIR ?? '.tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), png);
}
