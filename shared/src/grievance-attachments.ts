// Evidence a worker attaches to a grievance: photos (of a pay slip, a contract) and PDFs.
export const GRIEVANCE_ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type GrievanceAttachmentMime = (typeof GRIEVANCE_ATTACHMENT_MIMES)[number];
/** 8 MB a file: a phone photo of a document; images are re-encoded smaller before storing */
export const GRIEVANCE_ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;
export const GRIEVANCE_ATTACHMENT_MAX_COUNT = 6;
/** images wider or taller than this are scaled down when stored */
export const GRIEVANCE_IMAGE_MAX_EDGE = 2400;

/**
 * The type of a file by its first bytes (magic numbers), never by its name or declared type;
 * null for anything else.
 */
export function sniffAttachmentType(head: Uint8Array): GrievanceAttachmentMime | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'; // RIFF....WEBP
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  return null;
}

export function attachmentKind(mime: GrievanceAttachmentMime): 'image' | 'pdf' {
  return mime === 'application/pdf' ? 'pdf' : 'image';
}
