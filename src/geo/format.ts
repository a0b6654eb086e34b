import type { Lang } from '../story/types';

/** BCP 47 locale used for number formatting in each viewer language (Hong Kong conventions for Chinese). */
const LOCALES: Record<Lang, string> = { 'zh-Hant': 'zh-Hant-HK', en: 'en-GB' };

/** Unit words in each language; Chinese uses the everyday 公里 / 米 rather than the symbols. */
const UNITS: Record<Lang, { m: string; km: string }> = {
  'zh-Hant': { m: '米', km: '公里' },
  en: { m: 'm', km: 'km' },
};

/** Rounds `value` to `decimals` fraction digits (negative: to tens, hundreds, ...). */
function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Formats `value` rounded to exactly `decimals` fraction digits in the language's locale. */
function formatNumber(value: number, decimals: number, lang: Lang): string {
  // `|| 0` turns a rounded -0 into 0, which Intl would otherwise print as "-0".
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: Math.max(decimals, 0),
    maximumFractionDigits: Math.max(decimals, 0),
  }).format(roundTo(value, decimals) || 0);
}

/** Throws unless `meters` is a finite number: NaN or Infinity here means a bug upstream, not a distance. */
function assertFinite(meters: number, fn: string): void {
  if (!Number.isFinite(meters)) throw new RangeError(`${fn}: expected a finite number of metres, got ${meters}`);
}

/**
 * Formats a distance for readers in their language, less precisely as it grows.
 *
 * Under 100 m: whole metres. Under 1 km: nearest 10 m. Under 10 km: km with 2 decimals.
 * Under 100 km: km with 1 decimal. Beyond: whole km, grouped. The bands are chosen after
 * rounding, so 999 m reads `1.00 km`, not `1,000 m`. Number and unit are separated by a
 * plain space; give the element `white-space: nowrap` where a break would hurt.
 *
 * @example
 * formatDistance(5432.1, 'en'); // '5.43 km'
 * formatDistance(5432.1, 'zh-Hant'); // '5.43 公里'
 * formatDistance(847, 'zh-Hant'); // '850 米'
 * formatDistance(123456, 'en'); // '123 km'
 */
export function formatDistance(meters: number, lang: Lang): string {
  assertFinite(meters, 'formatDistance');
  const unit = UNITS[lang];
  const abs = Math.abs(meters);
  if (Math.round(abs) < 100) return `${formatNumber(meters, 0, lang)} ${unit.m}`;
  if (roundTo(abs, -1) < 1000) return `${formatNumber(meters, -1, lang)} ${unit.m}`;
  const km = meters / 1000;
  const absKm = abs / 1000;
  const decimals = roundTo(absKm, 2) < 10 ? 2 : roundTo(absKm, 1) < 100 ? 1 : 0;
  return `${formatNumber(km, decimals, lang)} ${unit.km}`;
}

/**
 * Formats a chainage (metres from a line's first vertex) as a kilometre milestone.
 *
 * Always in km with 2 decimals (10 m steps), so positions along one line read alike and
 * sort by eye: English puts the unit first as on a kilometre post (`km 2.35`); Chinese reads
 * "at the 2.35 km point" (`2.35 公里處`).
 *
 * @example
 * formatChainage(2350, 'en'); // 'km 2.35'
 * formatChainage(2350, 'zh-Hant'); // '2.35 公里處'
 * formatChainage(0, 'en'); // 'km 0.00'
 */
export function formatChainage(meters: number, lang: Lang): string {
  assertFinite(meters, 'formatChainage');
  const km = formatNumber(meters / 1000, 2, lang);
  return lang === 'en' ? `km ${km}` : `${km} 公里處`;
}
