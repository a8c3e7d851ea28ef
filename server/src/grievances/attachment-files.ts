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
// (GPS position, camera serial, time taken), XMP or comments a phone put in the file.

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
  if (mime === 'application/pdf') return { mime, kind: 'pdf', bytes: body };
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
