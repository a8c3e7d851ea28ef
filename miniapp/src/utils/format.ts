import { formatChinaDate } from '@pingjia/shared';

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

const valid = (iso: string | undefined | null): number | null => {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? null : t;
};

/** 2025年12月31日, the China calendar day (the same on every device); empty when it is not a date. */
export function formatDate(iso: string | undefined | null): string {
  const t = valid(iso);
  return t === null ? '' : formatChinaDate(t);
}

/**
 * The last moment something can be done, as people say it: a campaign closing at 00:00 on the 1st
 * can be rated "until the 31st"; any other time of day is given with the date.
 */
export function formatDeadline(iso: string | undefined | null): string {
  const t = valid(iso);
  if (t === null) return '';
  const minutes = Math.floor(((t + CHINA_OFFSET_MS) % DAY_MS) / 60000);
  if (minutes === 0) return formatChinaDate(t - 1);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${formatChinaDate(t)} ${hh}:${mm}`;
}

/** Whether a deadline is still ahead (unknown dates count as ahead: the server has the last word). */
export function isBefore(iso: string | undefined | null, now = Date.now()): boolean {
  const t = valid(iso);
  return t === null || now < t;
}

// The figures' formats live in shared: the PDF dossier prints them exactly as the app shows them.
export { formatMean, formatPercent } from '@pingjia/shared';
