import type { SaxesParser } from 'saxes';
import { saxes } from './on-demand';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { DomainError } from './domain-error';

// The first sheet of an .xlsx as rows of text, read without ever holding the inflated file: the zip's
// central directory is checked first (entry count, sheet count, declared sizes, no encryption, no zip64),
// then the shared strings and the sheet are inflated as streams and parsed tag by tag, stopping the
// moment any limit is passed — so a zip bomb costs a bounded amount of memory and time whatever its
// headers claim. A general spreadsheet library (exceljs) inflated everything and built the whole
// workbook first: a 400 KB file took ~1 GB.

export interface XlsxLimits {
  /** inflated bytes of any one part, whatever the zip declares (XLSX_MAX_PART_BYTES) */
  maxPartBytes: number;
  /** worksheets in the workbook (XLSX_MAX_SHEETS) */
  maxSheets: number;
  /** rows of the first sheet, header included */
  maxRows: number;
  /** columns of any row */
  maxColumns: number;
  /** non-empty cells of the sheet */
  maxCells: number;
  /** characters of all shared strings together */
  maxSharedChars: number;
}

const MAX_ENTRIES = 200;
/**
 * Inflated bytes per compressed byte beyond which a part is taken for a bomb (the threshold Apache POI
 * uses): real sheets deflate 5-20 times; a sheet of one row repeated, or of one long run, 250-1000 times.
 */
const MAX_RATIO = 100;
/** below this many inflated bytes the ratio is not judged (tiny parts deflate to almost nothing) */
const RATIO_FROM = 256 * 1024;
/** longest run of text between two tags (one cell's text, one attribute); a cell holds 32,767 characters at most */
const MAX_TOKEN_BYTES = 256 * 1024;
/** the parts that only say where things are (workbook, relationships) */
const SMALL_PART = 1024 * 1024;

const tooLarge = (why: string) => new DomainError('PAYLOAD_TOO_LARGE', `Excel 文件超出限制：${why}`);
const unreadable = (why: string) => new DomainError('VALIDATION_FAILED', `无法读取该 Excel 文件：${why}`, { file: why });

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/** The zip's directory, from its end record; refused before anything is inflated. */
function entries(zip: Buffer, limits: XlsxLimits): Map<string, Entry> {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('不是 .xlsx 文件');
  const count = zip.readUInt16LE(eocd + 10);
  const dirOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw unreadable('不支持 ZIP64');
  if (count > MAX_ENTRIES) throw tooLarge(`包含 ${count} 个部件`);
  const out = new Map<string, Entry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw unreadable('目录损坏');
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw unreadable('文件已加密');
    if (method !== 0 && method !== 8) throw unreadable('不支持的压缩方式');
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw unreadable('目录损坏');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (dataStart + compressedSize > zip.length) throw unreadable('文件不完整');
    out.set(name, { name, method, compressedSize, size, dataStart });
  }
  const sheets = [...out.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).length;
  if (sheets > limits.maxSheets) throw tooLarge(`工作表超过 ${limits.maxSheets} 个`);
  return out;
}

/** A small part whole (at most SMALL_PART inflated bytes). */
function smallPart(zip: Buffer, e: Entry): string {
  const data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    if (data.length > SMALL_PART) throw tooLarge(`${e.name} 过大`);
    return data.toString('utf8');
  }
  try {
    return inflateRawSync(data, { maxOutputLength: SMALL_PART }).toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(`${e.name} 过大`);
    throw unreadable('文件损坏');
  }
}

/**
 * Streams a part through the inflater into an XML parser, counting inflated bytes; the handler may
 * throw to stop. Resolves when the part is read, rejects with the first error.
 */
function streamPart(zip: Buffer, e: Entry, maxBytes: number, onParser: (p: SaxesParser) => void): Promise<void> {
  if (e.size > maxBytes) return Promise.reject(tooLarge(`${e.name} 解压后超过 ${Math.round(maxBytes / 1024 / 1024)} MB`));
  if (e.size > RATIO_FROM && e.size > MAX_RATIO * e.compressedSize)
    return Promise.reject(tooLarge(`${e.name} 的压缩比超过 ${MAX_RATIO} 倍`));
  const parser = new (saxes().SaxesParser)();
  onParser(parser);
  const decoder = new StringDecoder('utf8');
  const data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
  // The XML parser keeps a text or a tag whole until it ends: one endless token would grow without
  // bound inside it, so the bytes since the last '<' are counted here.
  let sinceTag = 0;
  const feed = (chunk: Buffer) => {
    const lt = chunk.lastIndexOf(0x3c);
    sinceTag = lt < 0 ? sinceTag + chunk.length : chunk.length - lt;
    if (sinceTag > MAX_TOKEN_BYTES) throw tooLarge('单元格内容过长');
    parser.write(decoder.write(chunk));
  };
  if (e.method === 0) {
    try {
      feed(data);
      parser.write(decoder.end()).close();
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(asUploadError(err));
    }
  }
  return new Promise((resolve, reject) => {
    // One slice of input at a time (writableHighWaterMark), so `fed` is what the output came from.
    const SLICE = 2 * 1024;
    const options = { chunkSize: 64 * 1024, writableHighWaterMark: SLICE }; // zlib hands stream options on to its Transform
    const inflate = createInflateRaw(options);
    let seen = 0;
    let fed = 0;
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(asUploadError(err));
    };
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      seen += chunk.length;
      if (seen > maxBytes) return fail(tooLarge(`${e.name} 解压后超过 ${Math.round(maxBytes / 1024 / 1024)} MB`));
      // The zip's headers may lie about the sizes: the ratio is judged on what actually came out of what went in.
      if (seen > RATIO_FROM && seen > MAX_RATIO * fed) return fail(tooLarge(`${e.name} 的压缩比超过 ${MAX_RATIO} 倍`));
      try {
        feed(chunk);
      } catch (err) {
        fail(err);
      }
    });
    inflate.on('error', () => fail(unreadable('文件损坏')));
    inflate.on('end', () => {
      if (failed) return;
      try {
        parser.write(decoder.end()).close();
        resolve();
      } catch (err) {
        fail(err);
      }
    });
    // Compressed bytes go in a slice at a time, so the ratio can be judged on what went in so far.
    const pump = () => {
      while (!failed && fed < data.length) {
        const slice = data.subarray(fed, fed + SLICE);
        fed += slice.length;
        if (!inflate.write(slice)) return void inflate.once('drain', pump);
      }
      if (!failed) inflate.end();
    };
    pump();
  });
}

const asUploadError = (err: unknown) => (err instanceof DomainError ? err : unreadable('XML 格式有误'));

/** Column index (0-based) of a cell reference such as "C12"; -1 when absent or malformed. */
function columnOf(ref: string | undefined): number {
  const m = ref ? /^([A-Z]{1,3})\d*$/.exec(ref) : null;
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first worksheet's part name, as the workbook and its relationships say. */
function firstSheet(zip: Buffer, parts: Map<string, Entry>): string | null {
  const book = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return null;
  const id = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(smallPart(zip, book))?.[1];
  if (!id) return null;
  for (const m of smallPart(zip, rels).matchAll(/<Relationship\b[^>]*>/g)) {
    if (new RegExp(`\\bId="${id.replace(/[^\w]/g, '')}"`).test(m[0])) {
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (!target) return null;
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return null;
}

/** Shared strings (cells of type "s" point into them), within maxSharedChars in total. */
async function sharedStrings(zip: Buffer, e: Entry | undefined, limits: XlsxLimits): Promise<string[]> {
  if (!e) return [];
  const out: string[] = [];
  let chars = 0;
  await streamPart(zip, e, limits.maxPartBytes, (p) => {
    let current: string | null = null;
    let inText = false;
    let phonetic = 0;
    p.on('opentag', (t) => {
      if (t.name === 'si') current = '';
      else if (t.name === 'rPh') phonetic++;
      else if (t.name === 't' && current !== null && phonetic === 0) inText = true;
    });
    p.on('text', (text) => {
      if (!inText || current === null) return;
      chars += text.length;
      if (chars > limits.maxSharedChars) throw tooLarge(`文字超过 ${limits.maxSharedChars} 个字符`);
      current += text;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inText = false;
      else if (t.name === 'rPh') phonetic--;
      else if (t.name === 'si' && current !== null) {
        out.push(current);
        if (out.length > limits.maxRows * limits.maxColumns) throw tooLarge('文字条目过多');
        current = null;
      }
    });
  });
  return out;
}

/** The first sheet's rows as text (row 1 first; rows the sheet skips are empty rows). */
export async function readXlsxRows(zip: Buffer, limits: XlsxLimits): Promise<string[][]> {
  const parts = entries(zip, limits);
  const sheetName = firstSheet(zip, parts) ?? 'xl/worksheets/sheet1.xml';
  const sheet = parts.get(sheetName);
  if (!sheet) throw unreadable('工作簿中没有工作表');
  const strings = await sharedStrings(zip, parts.get('xl/sharedStrings.xml'), limits);
  const rows: string[][] = [];
  await streamPart(zip, sheet, limits.maxPartBytes, (p) => {
    let row: string[] | null = null;
    let cell: { col: number; type: string; text: string } | null = null;
    let inValue = false;
    let cells = 0;
    p.on('opentag', (t) => {
      const attr = (k: string) => (typeof t.attributes[k] === 'string' ? (t.attributes[k] as string) : undefined);
      if (t.name === 'row') {
        const r = Number(attr('r'));
        const at = Number.isInteger(r) && r > 0 ? r - 1 : rows.length;
        if (at >= limits.maxRows) throw tooLarge(`超过 ${limits.maxRows - 1} 行`);
        while (rows.length < at) rows.push([]);
        row = [];
      } else if (t.name === 'c' && row) {
        const col = columnOf(attr('r'));
        cell = { col: col >= 0 ? col : row.length, type: attr('t') ?? 'n', text: '' };
        if (cell.col >= limits.maxColumns) throw tooLarge(`超过 ${limits.maxColumns} 列`);
      } else if ((t.name === 'v' || t.name === 't') && cell) inValue = true;
    });
    p.on('text', (text) => {
      if (inValue && cell) cell.text += text;
    });
    p.on('closetag', (t) => {
      if (t.name === 'v' || t.name === 't') inValue = false;
      else if (t.name === 'c' && cell && row) {
        if (cell.text !== '' && ++cells > limits.maxCells) throw tooLarge(`超过 ${limits.maxCells} 个单元格`);
        const v =
          cell.type === 's' ? (strings[Number(cell.text)] ?? '') : cell.type === 'b' ? (cell.text === '1' ? 'true' : 'false') : cell.text;
        while (row.length < cell.col) row.push('');
        row[cell.col] = v;
        cell = null;
      } else if (t.name === 'row' && row) {
        rows.push(row);
        row = null;
      }
    });
  });
  return rows;
}
