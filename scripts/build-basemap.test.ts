import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { area, booleanPointInPolygon, featureCollection, intersect, multiPolygon, point, polygon } from '@turf/turf';
import type { FeatureCollection, LineString, MultiPolygon, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BOX } from './build-basemap';
import { bboxOverlap, ringBBox, signedRingArea } from './lib/geometry';

// These tests read the committed outputs: CI never rebuilds them (the inputs are not in the repo).
const dir = fileURLToPath(new URL('../geo/basemap/', import.meta.url));
const read = <T>(name: string): T => JSON.parse(readFileSync(dir + name, 'utf8')) as T;

type LandProps = { region: 'HK' | 'CN' | 'MO'; source: string };
const land = read<FeatureCollection<MultiPolygon, LandProps>>('land.geojson');
const boundary = read<FeatureCollection<LineString>>('boundary.geojson');
const labels = read<FeatureCollection<Point>>('labels.geojson');

const byRegion = (r: string) => land.features.find((f) => f.properties.region === r)!.geometry.coordinates;
const landPolys = land.features.flatMap((f) =>
  f.geometry.coordinates.map((p) => ({ box: ringBBox(p[0]), poly: polygon(p) })),
);
const onLand = (pos: Position) =>
  landPolys.some((l) => bboxOverlap(l.box, [pos[0], pos[1], pos[0], pos[1]]) && booleanPointInPolygon(pos, l.poly));

describe('land.geojson', () => {
  it('has one feature per region, each with a source', () => {
    expect(land.features.map((f) => f.properties.region).sort()).toEqual(['CN', 'HK', 'MO']);
    for (const f of land.features) expect(f.properties.source.length).toBeGreaterThan(10);
  });

  it('has closed rings wound as RFC 7946 asks (outer counter-clockwise, holes clockwise)', () => {
    for (const f of land.features)
      for (const p of f.geometry.coordinates)
        p.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(signedRingArea(ring) > 0).toBe(i === 0);
        });
  });

  it('has finite coordinates with at most 6 decimals, all inside the box', () => {
    for (const f of land.features)
      for (const p of f.geometry.coordinates)
        for (const r of p)
          for (const [x, y] of r) {
            expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(BOX[0]);
            expect(x).toBeLessThanOrEqual(BOX[2]);
            expect(y).toBeGreaterThanOrEqual(BOX[1]);
            expect(y).toBeLessThanOrEqual(BOX[3]);
            expect(Math.abs(x * 1e6 - Math.round(x * 1e6))).toBeLessThan(1e-6);
          }
  });

  it('covers the story area 112.3-114.8 E, 21.9-23.3 N with land near every edge', () => {
    const [x0, y0, x1, y1] = ringBBox(land.features.flatMap((f) => f.geometry.coordinates.flatMap((p) => p[0])));
    expect(x0).toBeLessThanOrEqual(112.3);
    expect(x1).toBeGreaterThanOrEqual(114.8);
    expect(y0).toBeLessThanOrEqual(21.9);
    expect(y1).toBeGreaterThanOrEqual(23.3);
  });

  it('has Hong Kong land finer than the Mainland', () => {
    const count = (r: string) => byRegion(r).reduce((s, p) => s + p.reduce((t, ring) => t + ring.length, 0), 0);
    expect(count('HK')).toBeGreaterThan(3 * count('CN'));
  });

  it('does not let Mainland land overlap Hong Kong land beyond rounding slivers', () => {
    const hk = byRegion('HK').map((p) => ({ box: ringBBox(p[0]), p }));
    let overlapM2 = 0;
    for (const cn of byRegion('CN')) {
      const box = ringBBox(cn[0]);
      const near = hk.filter((h) => bboxOverlap(h.box, box)).map((h) => h.p);
      if (!near.length) continue;
      const x = intersect(featureCollection([multiPolygon([cn]), multiPolygon(near)]));
      if (x) overlapM2 += area(x);
    }
    // Rounding to 6 decimals moves shared edges by up to 5 cm: along a 30 km seam that is well under 500 m².
    expect(overlapM2).toBeLessThan(500);
  });

  it('stays within its size budget', () => {
    expect(statSync(dir + 'land.geojson').size).toBeLessThan(700 * 1024);
  });
});

describe('boundary.geojson', () => {
  const line = boundary.features[0];

  it('is one named line with source and confidence', () => {
    expect(boundary.features).toHaveLength(1);
    expect(line.geometry.type).toBe('LineString');
    for (const key of ['name_zh_hant', 'name_en', 'source', 'confidence']) expect(line.properties?.[key]).toBeTruthy();
  });

  it('runs from the Shenzhen River mouth in Deep Bay to Sha Tau Kok on Starling Inlet', () => {
    const c = line.geometry.coordinates;
    const [west, east] = [c[0], c[c.length - 1]];
    expect(west[0]).toBeGreaterThan(114.0);
    expect(west[0]).toBeLessThan(114.06);
    expect(west[1]).toBeGreaterThan(22.49);
    expect(west[1]).toBeLessThan(22.53);
    expect(east[0]).toBeGreaterThan(114.2);
    expect(east[0]).toBeLessThan(114.24);
    expect(east[1]).toBeGreaterThan(22.53);
    expect(east[1]).toBeLessThan(22.56);
  });

  it('has land on both sides: no sea gap between Shenzhen and Hong Kong', () => {
    // Probe 25 m either side of every segment's midpoint; the line runs west to east, Mainland on its left.
    const c = line.geometry.coordinates;
    let probes = 0;
    let wet = 0;
    for (let i = 0; i + 1 < c.length; i++) {
      const [a, b] = [c[i], c[i + 1]];
      const dx = (b[0] - a[0]) * Math.cos((22.5 * Math.PI) / 180);
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len * 111_000 < 30) continue;
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const d = 25 / 111_000;
      for (const s of [1, -1]) {
        probes++;
        const q = [mid[0] + (s * -dy * d) / len / Math.cos((22.5 * Math.PI) / 180), mid[1] + (s * dx * d) / len];
        if (!onLand(q)) wet++;
      }
    }
    expect(probes).toBeGreaterThan(100);
    expect(wet / probes).toBeLessThan(0.03);
  });
});

describe('labels.geojson', () => {
  it('has 15-35 labels with a unique id, both names, a kind and a rank', () => {
    expect(labels.features.length).toBeGreaterThanOrEqual(15);
    expect(labels.features.length).toBeLessThanOrEqual(35);
    const ids = labels.features.map((f) => f.properties?.label_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of labels.features) {
      expect(f.id).toBe(f.properties?.label_id);
      expect(f.properties?.name_zh_hant).toBeTruthy();
      expect(f.properties?.name_en).toBeTruthy();
      expect(['city', 'district', 'water', 'island']).toContain(f.properties?.kind);
      expect([1, 2, 3, 4]).toContain(f.properties?.rank);
    }
  });

  it('puts water labels in the sea and place labels on land', () => {
    for (const f of labels.features) {
      const wet = !onLand(f.geometry.coordinates);
      expect([f.properties?.name_en, wet]).toEqual([f.properties?.name_en, f.properties?.kind === 'water']);
    }
  });

  it('keeps labels inside the basemap box', () => {
    for (const f of labels.features)
      expect(
        booleanPointInPolygon(
          point(f.geometry.coordinates),
          polygon([
            [
              [BOX[0], BOX[1]],
              [BOX[2], BOX[1]],
              [BOX[2], BOX[3]],
              [BOX[0], BOX[3]],
              [BOX[0], BOX[1]],
            ],
          ]),
        ),
      ).toBe(true);
  });
});
