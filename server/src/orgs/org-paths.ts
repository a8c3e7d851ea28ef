/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the paths of every org at or above this one. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Whether the org or home at `path` is the org at `ancestor` or below it (paths are '/id/…/id/'). */
export function isWithin(path: string, ancestor: string): boolean {
  return path.startsWith(ancestor);
}

/** The province an org path lies in: provinces are the top of the tree ('/<province id>/…/'). */
export const provinceOf = (orgPath: string): string => orgPath.split('/')[1];
