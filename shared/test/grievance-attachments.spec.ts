import { sniffAttachmentType } from '../src';

const bytes = (...b: (number | string)[]) =>
  new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe(sniffAttachmentType.name, () => {
  it.each([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['a WebP', bytes('RIFF', 1, 2, 3, 4, 'WEBPVP8 '), 'image/webp'],
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
  ])('knows %s by its first bytes', (_, head, mime) => {
    expect(sniffAttachmentType(head)).toBe(mime);
  });

  it.each([
    ['HTML', bytes('<html><script>')],
    ['a RIFF that is not WebP (a WAV)', bytes('RIFF', 1, 2, 3, 4, 'WAVEfmt ')],
    ['a PNG signature cut short', bytes(0x89, 'PNG')],
    ['a GIF', bytes('GIF89a')],
    ['nothing', bytes()],
  ])('refuses %s', (_, head) => {
    expect(sniffAttachmentType(head)).toBeNull();
  });
});
