/**
 * How long validating a layer of one million positions takes, printed by `npm run bench`
 * (asserting nothing), in Node (V8, as Chromium): 1000 lines of 1000 positions each, about 20 MB of
 * text. JSON.parse alone (which drawing the layer needs whatever the checks), our checks on the
 * parsed value (the byte count, the RFC 7946 walk and geojson-validation's sample: what validation
 * adds to the parse), `validateGeoJSON` whole, and the full validation that builds a tree of every
 * position for line numbers, which every file went through before the quick walk and which a file
 * with something to report still does.
 */
import { withinBytes, withoutBom } from '../../src/geo/json-text';
import { DEFAULT_LIMITS, isSoundGeoJSON, validateGeoJSON, validateGeoJSONFully } from '../../src/geo/validate-geojson';
import { spread, type Spread } from './stats.js';

/** What `validationFigures` measured, in milliseconds. */
export interface ValidationFigures {
  positions: number;
  bytes: number;
  parseMs: Spread;
  checksMs: Spread;
  validateMs: Spread;
  fullMs: Spread;
}

/** A collection of `lines` lines of `per` positions each, with five decimals, as text. */
function layerText(lines: number, per: number): string {
  const features = Array.from({ length: lines }, (_, f) => ({
    type: 'Feature',
    properties: { name: `line ${f}` },
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: per }, (_, i) => [
        +(114 + (i % 100) / 1000 + f / 10000).toFixed(5),
        +(22.3 + i / 100000).toFixed(5),
      ]),
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

const time = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

/** Times each step `runs` times over one generated layer of a million positions, and prints them. */
export function validationFigures(runs: number): ValidationFigures {
  const text = layerText(1000, 1000);
  const parse: number[] = [];
  const checks: number[] = [];
  const validate: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    let value: unknown;
    parse.push(time(() => (value = JSON.parse(text))));
    checks.push(
      time(() => {
        if (!withinBytes(text, DEFAULT_LIMITS.maxBytes) || !isSoundGeoJSON(value, withoutBom(text), 'bench.geojson'))
          throw new Error('the bench layer does not pass validation');
      }),
    );
    validate.push(time(() => validateGeoJSON(text, 'bench.geojson')));
    full.push(time(() => validateGeoJSONFully(text, 'bench.geojson')));
  }
  const figures = {
    positions: 1_000_000,
    bytes: text.length,
    parseMs: spread(parse),
    checksMs: spread(checks),
    validateMs: spread(validate),
    fullMs: spread(full),
  };
  const row = (name: string, s: Spread) =>
    console.log(`  ${name.padEnd(58)} ${s.median.toFixed(0).padStart(6)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`);
  console.log(
    `\nValidating a layer of 1 000 000 positions (${(text.length / 2 ** 20).toFixed(1)} MB), median (min-max) of ${runs}, Node:`,
  );
  row('JSON.parse alone (needed to draw it anyway)', figures.parseMs);
  row('our checks on the parsed value (size, RFC 7946, sample)', figures.checksMs);
  row('validateGeoJSON (parse and checks)', figures.validateMs);
  row('full validation with a tree of positions (before)', figures.fullMs);
  return figures;
}
