import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FitCamera, ViewCamera } from '../story/types.js';
import { cameraView, fitBounds, startView, type FitBounds } from './camera.js';

const view: ViewCamera = { kind: 'view', center: [114.2, 22.5], zoom: 11, bearing: 15, pitch: 30 };
const fit: FitCamera = {
  kind: 'fit',
  layer: 'places',
  feature: '7',
  padding: 40,
  maxZoom: 13,
  bearing: -10,
  pitch: 20,
};

const places: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 7, properties: {}, geometry: { type: 'Point', coordinates: [114.1, 22.3] } },
    { type: 'Feature', id: 'pier', properties: {}, geometry: { type: 'Point', coordinates: [114.3, 22.4] } },
  ],
};

/** Records what it is asked and answers with the box's south-west corner as the centre. */
function recordingFit(): { fit: FitBounds; calls: Parameters<FitBounds>[] } {
  const calls: Parameters<FitBounds>[] = [];
  const fitter: FitBounds = (bounds, options) => {
    calls.push([bounds, options]);
    const [west, south] = bounds as [number, number, number, number];
    return { center: [west, south], zoom: 12, bearing: options.bearing };
  };
  return { fit: fitter, calls };
}

describe('fitBounds', () => {
  it('finds a feature by its id as written, or as the number a digit string names', () => {
    expect(fitBounds(places, 'pier')).toEqual([114.3, 22.4, 114.3, 22.4]);
    expect(fitBounds(places, '7')).toEqual([114.1, 22.3, 114.1, 22.3]);
    expect(fitBounds(places, undefined)).toEqual([114.1, 22.3, 114.3, 22.4]);
    expect(fitBounds(places, 'missing')).toBeUndefined();
  });
});

describe('cameraView', () => {
  it('gives a declared view as it is, without asking for a fit', () => {
    const { fit: fitter, calls } = recordingFit();
    expect(cameraView(view, undefined, fitter)).toEqual({ center: [114.2, 22.5], zoom: 11, bearing: 15, pitch: 30 });
    expect(calls).toEqual([]);
  });

  it("fits a feature's bounds with the camera's padding, zoom limit and bearing, and keeps its pitch", () => {
    const { fit: fitter, calls } = recordingFit();
    expect(cameraView(fit, places, fitter)).toEqual({ center: [114.1, 22.3], zoom: 12, bearing: -10, pitch: 20 });
    expect(calls).toEqual([[[114.1, 22.3, 114.1, 22.3], { padding: 40, bearing: -10, maxZoom: 13 }]]);
    const { maxZoom: _maxZoom, ...unlimited } = fit;
    cameraView(unlimited, places, fitter);
    expect(calls[1]![1]).toEqual({ padding: 40, bearing: -10 });
  });

  it('is undefined for a fit until its data is there, and for a feature the data lacks', () => {
    const { fit: fitter } = recordingFit();
    expect(cameraView(fit, undefined, fitter)).toBeUndefined();
    expect(cameraView({ ...fit, feature: 'missing' }, places, fitter)).toBeUndefined();
    expect(cameraView(fit, places, () => undefined)).toBeUndefined();
  });
});

describe('startView', () => {
  it("starts at a declared view, and for a fit over the region at the chapter's bearing and pitch", () => {
    expect(startView(view)).toEqual({ center: [114.2, 22.5], zoom: 11, bearing: 15, pitch: 30 });
    expect(startView(fit)).toEqual({ center: [114.17, 22.45], zoom: 9, bearing: -10, pitch: 20 });
  });
});
