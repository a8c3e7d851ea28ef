/** 2025年12月31日, in the device's time zone; the raw text when it is not a date. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** 0.8333 → "83.3%"; null → "—". */
export function formatPercent(rate: number | null | undefined): string {
  return typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—'
}

/** 4.2 → "4.20"; null → "—". */
export function formatMean(mean: number | null | undefined): string {
  return typeof mean === 'number' ? mean.toFixed(2) : '—'
}
