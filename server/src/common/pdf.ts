import { Readable } from 'node:stream';
import type { CjkFont } from './cjk-font';
import { pdfkit } from './on-demand';

/** The font name documents draw Chinese text with (registered only when a CJK font was found). */
export const CJK = 'cjk';

/**
 * A new A4 document; pdfkit embeds only the glyphs used (a subset), so a page of text costs kilobytes.
 * `day` (China date, YYYY-MM-DD) is the only creation time it carries.
 */
export function newPdf(font: CjkFont | null, info: { title: string; day: string }): PDFKit.PDFDocument {
  // Document properties say the title, the app and the day only: by default pdfkit names itself and stamps
  // the millisecond the document was made (when someone looked), and hashes that into the file ID too.
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    autoFirstPage: false,
    info: { Title: info.title, Creator: '评家', Producer: '评家', CreationDate: new Date(`${info.day}T00:00:00+08:00`) },
  });
  if (font) doc.registerFont(CJK, font.path, font.face);
  return doc;
}

/**
 * Streams a document whose pages `draw` adds one at a time: the next page is drawn only when the
 * client has taken the previous one (Readable.from pulls the generator), so memory stays at about one
 * page however many pages there are.
 */
export function pdfStream(doc: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => AsyncIterable<void>): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    const pending: Buffer[] = [];
    doc.on('data', (c: Buffer) => pending.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    for await (const _page of draw(doc)) yield* pending.splice(0);
    doc.end();
    await ended;
    yield* pending.splice(0);
  }
  return Readable.from(chunks());
}

/** A Content-Disposition header with a Chinese file name (RFC 6266: an ASCII fallback, then UTF-8). */
export function attachment(fallback: string, name: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
