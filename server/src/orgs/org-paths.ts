/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the paths of every org at or above this one. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
