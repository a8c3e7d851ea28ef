// ARIA the shared a11y() helper has no room for: headings, the current page in a navigation, sort order.
const H5 = process.env.TARO_ENV === 'h5'

export function heading(level: 1 | 2 | 3): Record<string, string | number> {
  return H5 ? { role: 'heading', 'aria-level': level } : {}
}

export function current(on: boolean): Record<string, string> {
  return H5 && on ? { 'aria-current': 'page' } : {}
}
