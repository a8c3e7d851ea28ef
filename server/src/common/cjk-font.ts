import { existsSync } from 'node:fs';
import { fontkit } from './on-demand';

// Debian's CJK fonts: wqy-microhei is small (1.6 MB); Noto CJK is used when present.
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

export interface CjkFont {
  path: string;
  /** the face's PostScript name: a collection (.ttc) holds several and PDF needs one named */
  face: string;
}

/** POSTER_FONT when set, else the first Debian CJK font present; null when there is none. */
export function findCjkFont(configured: string | null): CjkFont | null {
  if (!found.has(configured)) found.set(configured, openCjkFont(configured));
  return found.get(configured)!;
}

/** what findCjkFont found for each POSTER_FONT setting: the file is parsed once, on first use */
const found = new Map<string | null, CjkFont | null>();

function openCjkFont(configured: string | null): CjkFont | null {
  const path = [configured, ...FONT_CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!path) return null;
  const font = fontkit().openSync(path);
  return { path, face: 'fonts' in font ? font.fonts[0].postscriptName : font.postscriptName };
}
