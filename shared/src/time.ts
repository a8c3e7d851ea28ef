// Dates as people in China read them: UTC+8 all year (no daylight saving).
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The China calendar day of an instant, YYYY-MM-DD. */
export function chinaDay(at: Date | number | string): string {
  const t = new Date(at).getTime();
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026年12月31日" for display. */
export function formatChinaDate(at: Date | number | string): string {
  const [y, m, d] = chinaDay(at).split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}
