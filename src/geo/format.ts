import type { Lang } from '../story/types';

/** BCP 47 locale used for number formatting in each viewer language (Hong Kong's for Traditional, the Mainland's for Simplified). */
const LOCALES: Record<Lang, string> = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en-GB' };

/** Unit words in each language; Chinese uses the everyday 公里 / 米 rather than the symbols. */
const UNITS: Record<Lang, { m: string; km: string }> = {
  'zh-Hant': { m: '米', km: '公里' },
  'zh-Hans': { m: '米', km: '公里' },
  en: { m: 'm', km: 'km' },
};

/** Rounds `value` to `decimals` fraction digits (negative: to tens, hundreds, ...). */
function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** One number format per locale and number of decimals: building an Intl.NumberFormat is slow. */
const formats = new Map<string, Intl.NumberFormat>();

/** Formats `value` rounded to exactly `decimals` fraction digits in the language's locale. */
function formatNumber(value: number, decimals: number, lang: Lang): string {
  const digits = Math.max(decimals, 0);
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  // `|| 0` turns a rounded -0 into 0, which Intl would otherwise print as "-0".
  return format.format(roundTo(value, decimals) || 0);
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
  const decimals = kmRounded(abs, 2) < 10 ? 2 : kmRounded(abs, 1) < 100 ? 1 : 0;
  return `${formatNumber(kmRounded(meters, decimals), decimals, lang)} ${unit.km}`;
}

/**
 * Metres as km rounded to `decimals` fraction digits, rounded in metres (to 10 m for 2 decimals)
 * so that 9,995 m is 10.00 km everywhere: as km, 9.995 is 9.99499… in floating point.
 */
function kmRounded(meters: number, decimals: number): number {
  return Math.round(meters / 10 ** (3 - decimals)) / 10 ** decimals;
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
  const km = formatNumber(kmRounded(meters, 2), 2, lang);
  return lang === 'en' ? `km ${km}` : `${km} 公里${lang === 'zh-Hans' ? '处' : '處'}`;
}

/** The figures of a stretch measured along a line, as text: each one rounded by the same rule. */
export interface StretchFigures {
  /** Distance along the line: the difference of the two chainages as shown (`5.55 km`). */
  along: string;
  /** Chainage of the start (`km 0.00`). */
  from: string;
  /** Chainage of the end (`km 5.55`). */
  to: string;
  /** Great-circle distance between the ends (`5.24 km`). */
  straight: string;
}

/**
 * Formats the figures of a stretch of a line so that they agree: both chainages are rounded to
 * 10 m first, the along distance is the difference of those rounded chainages (never rounded on
 * its own, which could make it disagree with them by 10 m), and the along and straight distances
 * are written, like the chainages, in km with 2 decimals whatever their size.
 *
 * @example
 * formatStretch(2.9, 5385.7, 5240, 'en'); // { along: '5.39 km', from: 'km 0.00', to: 'km 5.39', straight: '5.24 km' }
 */
export function formatStretch(
  fromMeters: number,
  toMeters: number,
  straightMeters: number,
  lang: Lang,
): StretchFigures {
  for (const m of [fromMeters, toMeters, straightMeters]) assertFinite(m, 'formatStretch');
  // Whole tens of metres (as formatChainage rounds): integers, so the difference is exact.
  const tens = (m: number) => Math.round(m / 10);
  const [from, to] = [tens(fromMeters), tens(toMeters)];
  const km = (t: number) => `${formatNumber(t / 100, 2, lang)} ${UNITS[lang].km}`;
  return {
    along: km(Math.abs(to - from)),
    from: formatChainage(from * 10, lang),
    to: formatChainage(to * 10, lang),
    straight: km(tens(straightMeters)),
  };
}
