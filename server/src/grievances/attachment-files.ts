import {
  attachmentKind,
  GRIEVANCE_ATTACHMENT_MAX_BYTES,
  GRIEVANCE_IMAGE_MAX_EDGE,
  sniffAttachmentType,
  type GrievanceAttachmentMime,
} from '@pingjia/shared';
import type { FastifyRequest } from 'fastify';
import type { Sharp } from 'sharp';
import { DomainError, invalid } from '../common/domain-error';

// What a worker uploads is read by its bytes, never by its name or declared type, and images are
// decoded and encoded again before they are stored: what is stored is pixels only, with no EXIF
// (GPS position, camera serial, time taken), XMP or comments a phone put in the file. A PDF is
// rebuilt from its pages alone (stripPdf): no document information (Author, Creator, Producer…), no
// XMP, no document ID, none of the catalog's scripts, forms or outlines.

/** Raw attachment bodies, on the attachment routes only (elsewhere a 415), bounded while they stream in. */
export const ATTACHMENT_TYPE = 'application/octet-stream';
export const attachmentBody = { bodyLimit: GRIEVANCE_ATTACHMENT_MAX_BYTES, parseAs: 'buffer' as const };
export function attachmentRouteOnly(req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void {
  if (!/\/attachments$/.test(req.routeOptions.url ?? '')) done(new DomainError('UNSUPPORTED_MEDIA_TYPE'), undefined);
  else done(null, body);
}

// libvips is loaded on the first upload, not at boot. One image at a time per process, with its cache
// off: on two shared cores an upload must not starve the rating requests, nor hold decoded images in
// memory after it is answered.
let loaded: Promise<(input: Buffer, options: object) => Sharp> | null = null;
function imageLibrary() {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}
/** decompression bombs: a small file that decodes to a huge image is refused before it is decoded */
const MAX_INPUT_PIXELS = 50_000_000;

export interface PreparedAttachment {
  mime: GrievanceAttachmentMime;
  kind: 'image' | 'pdf';
  bytes: Buffer;
}

export async function prepareAttachment(body: unknown): Promise<PreparedAttachment> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw invalid({ file: '请选择要上传的文件' });
  const mime = sniffAttachmentType(body.subarray(0, 16));
  if (!mime) throw invalid({ file: '只能上传 JPG、PNG、WebP 图片或 PDF 文件' });
  if (mime === 'application/pdf') return { mime, kind: 'pdf', bytes: await stripPdf(body) };
  const sharp = await imageLibrary();
  try {
    const image = sharp(body, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate() // applies the EXIF orientation to the pixels before the EXIF goes
      .resize({ width: GRIEVANCE_IMAGE_MAX_EDGE, height: GRIEVANCE_IMAGE_MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      mime === 'image/png'
        ? image.png({ compressionLevel: 9 })
        : mime === 'image/webp'
          ? image.webp({ quality: 85 })
          : image.jpeg({ quality: 85, mozjpeg: true });
    // sharp writes no metadata unless asked to (withMetadata/keepExif): none is asked for.
    return { mime, kind: attachmentKind(mime), bytes: await encoded.toBuffer() };
  } catch {
    throw invalid({ file: '图片已损坏或无法读取，请换一张再试' });
  }
}

/** at most this many pages: evidence, not a book (and a bound on the work one upload may cost) */
const PDF_MAX_PAGES = 100;
/** keys of an annotation that name or date its author */
const ANNOTATION_TRACES = ['T', 'M', 'CreationDate', 'NM'];

let pdfLoaded: Promise<typeof import('pdf-lib')> | null = null;

/**
 * The PDF's pages copied into a new document, which gets no information dictionary, no XMP and no ID:
 * whatever named the worker's computer or account in the file (Author, Creator, Producer, the XMP
 * packet, the document ID, page-level metadata, annotation authors) is not copied. Encrypted or broken
 * files are refused: they cannot be cleaned.
 */
async function stripPdf(bytes: Buffer): Promise<Buffer> {
  pdfLoaded ??= import('pdf-lib');
  const { PDFDocument, PDFDict, PDFArray, PDFName, EncryptedPDFError } = await pdfLoaded;
  let source: Awaited<ReturnType<typeof PDFDocument.load>>;
  let count: number;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false });
    count = source.getPageCount();
  } catch (e) {
    if (e instanceof EncryptedPDFError) throw invalid({ file: 'PDF 文件设置了密码，无法检查，请去掉密码后再上传' });
    throw invalid({ file: 'PDF 文件已损坏或无法读取，请换一个文件再试' });
  }
  if (count === 0) throw invalid({ file: 'PDF 文件没有内容' });
  if (count > PDF_MAX_PAGES) throw invalid({ file: `PDF 文件不能超过 ${PDF_MAX_PAGES} 页` });
  try {
    const clean = await PDFDocument.create({ updateMetadata: false });
    for (const page of await clean.copyPages(source, source.getPageIndices())) {
      page.node.delete(PDFName.of('Metadata'));
      page.node.delete(PDFName.of('PieceInfo'));
      const annots = page.node.lookup(PDFName.of('Annots'));
      if (annots instanceof PDFArray) {
        for (let i = 0; i < annots.size(); i++) {
          const annot = annots.lookup(i);
          if (annot instanceof PDFDict) for (const key of ANNOTATION_TRACES) annot.delete(PDFName.of(key));
        }
      }
      clean.addPage(page);
    }
    // No object streams: what is stored can be read (and checked) as it is.
    return Buffer.from(await clean.save({ useObjectStreams: false, updateFieldAppearances: false }));
  } catch {
    throw invalid({ file: 'PDF 文件已损坏或无法读取，请换一个文件再试' });
  }
}
