/** Median, min and max of a figure's runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The median (the upper one of an even count), min and max of `values`. */
export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s.at(-1)!, runs: values };
}
