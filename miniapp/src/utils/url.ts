/** A page path with its query; empty values are left out. */
export function pageUrl(path: string, params: Record<string, string | undefined | null>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** Router params arrive URL-encoded on weapp and decoded on H5; decode only what needs it. */
export function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
