import { describe, expect, it } from 'vitest';
import type { FitCamera, ViewCamera } from '../story/types.js';
import { cameraView, clearOfControls, startView, type FitBounds } from './camera.js';

const view: ViewCamera = { kind: 'view', center: [114.2, 22.5], zoom: 11, bearing: 15, pitch: 30, essential: false };
const at = { line: 3, column: 8, field: 'chapters[0].camera.fit' };
const fit: FitCamera = {
  kind: 'fit',
  fit: [{ kind: 'layer', layer: 'places', feature: '7', at }],
  padding: { top: 10, right: 20, bottom: 30, left: 40 },
  maxZoom: 13,
  bearing: -10,
  pitch: 20,
  essential: false,
};

/** Records what it is asked and answers with the box's south-west corner as the centre, and the padding it was given. */
function recordingFit(): { fit: FitBounds; calls: Parameters<FitBounds>[] } {
  const calls: Parameters<FitBounds>[] = [];
  const fitter: FitBounds = (bounds, options) => {
    calls.push([bounds, options]);
    const [west, south] = bounds as [number, number, number, number];
    return { center: [west, south], zoom: 12, bearing: options.bearing, padding: options.padding as never };
  };
  return { fit: fitter, calls };
}

describe('cameraView', () => {
  it('gives a declared view as it is, with no padding, without asking for a fit', () => {
    const { fit: fitter, calls } = recordingFit();
    expect(cameraView(view, undefined, fitter)).toEqual({
      center: [114.2, 22.5],
      zoom: 11,
      bearing: 15,
      pitch: 30,
      padding: { top: 0, right: 0, bottom: 0, left: 0 },
    });
    expect(calls).toEqual([]);
  });

  it('fits bounds with the padding of each side in place of the map’s own, the zoom limit and bearing, and keeps the pitch', () => {
    const { fit: fitter, calls } = recordingFit();
    const padding = { top: 10, right: 20, bottom: 30, left: 40 };
    expect(cameraView(fit, [114.1, 22.3, 114.2, 22.4], fitter)).toEqual({
      center: [114.1, 22.3],
      zoom: 12,
      bearing: -10,
      pitch: 20,
      padding,
    });
    expect(calls).toEqual([
      [[114.1, 22.3, 114.2, 22.4], { padding, absolutePadding: true, bearing: -10, maxZoom: 13 }],
    ]);
    const { maxZoom: _maxZoom, ...unlimited } = fit;
    cameraView(unlimited, [114.1, 22.3, 114.2, 22.4], fitter);
    expect(calls[1]![1]).toEqual({ padding, absolutePadding: true, bearing: -10 });
  });

  it('is undefined for a fit without bounds, and for bounds the map cannot fit', () => {
    const { fit: fitter } = recordingFit();
    expect(cameraView(fit, undefined, fitter)).toBeUndefined();
    expect(cameraView(fit, [114.1, 22.3, 114.2, 22.4], () => undefined)).toBeUndefined();
  });
});

describe('cameraView with the room the card takes', () => {
  const frame = { top: 0, right: 0, bottom: 500, left: 0 };

  it('centres a declared view in the part of the map the card leaves free', () => {
    expect(cameraView(view, undefined, recordingFit().fit, frame)?.padding).toEqual(frame);
  });

  it("adds the card's room to the fit's own padding", () => {
    const { fit: fitter, calls } = recordingFit();
    expect(cameraView(fit, [114.1, 22.3, 114.2, 22.4], fitter, frame)?.padding).toEqual({
      top: 10,
      right: 20,
      bottom: 530,
      left: 40,
    });
    expect(calls).toHaveLength(1);
  });

  it("frames over the card when the map is too small for the card's room and the padding both", () => {
    const calls: unknown[] = [];
    const tooSmall: FitBounds = (_bounds, options) => {
      calls.push(options.padding);
      const padding = options.padding as { bottom: number };
      return padding.bottom > 100 ? undefined : { center: [114.1, 22.3], zoom: 9, padding: options.padding as never };
    };
    expect(cameraView(fit, [114.1, 22.3, 114.2, 22.4], tooSmall, frame)?.padding).toEqual(fit.padding);
    expect(calls).toEqual([{ top: 10, right: 20, bottom: 530, left: 40 }, fit.padding]);
  });
});

describe('startView', () => {
  it("starts at a declared view, and for a fit over the region at the chapter's bearing and pitch", () => {
    expect(startView(view)).toEqual({ center: [114.2, 22.5], zoom: 11, bearing: 15, pitch: 30 });
    expect(startView(fit)).toEqual({ center: [114.17, 22.45], zoom: 9, bearing: -10, pitch: 20 });
  });
});

describe('clearOfControls', () => {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };

  it('keeps the subject below the controls over the top of a phone map, above the card', () => {
    expect(clearOfControls({ ...none, bottom: 591 }, { top: 110, bottom: 0, height: 844 })).toEqual({
      ...none,
      top: 118,
      bottom: 591,
    });
  });

  it('keeps it between the controls at the top and the credits at the foot of a map with no card over it', () => {
    expect(
      clearOfControls({ top: 40, right: 40, bottom: 40, left: 40 }, { top: 110, bottom: 46, height: 800 }),
    ).toEqual({ top: 118, right: 40, bottom: 54, left: 40 });
  });

  it("counts the author's padding as room already kept: the larger of the two", () => {
    expect(clearOfControls({ ...none, top: 150 }, { top: 110, bottom: 0, height: 844 })).toEqual({ ...none, top: 150 });
  });

  it('lets the controls float over the map where keeping clear of them would leave under 60 px', () => {
    expect(clearOfControls({ ...none, top: 50, bottom: 691 }, { top: 110, bottom: 0, height: 844 })).toEqual({
      ...none,
      top: 50,
      bottom: 691,
    });
    expect(clearOfControls({ ...none, top: 700 }, { top: 110, bottom: 80, height: 844 })).toEqual({
      ...none,
      top: 700,
    });
  });

  it('takes no room without controls', () => {
    expect(clearOfControls({ ...none, bottom: 591 }, { top: 0, bottom: 0, height: 844 })).toEqual({
      ...none,
      bottom: 591,
    });
    expect(clearOfControls({ ...none, bottom: 591 }, undefined)).toEqual({ ...none, bottom: 591 });
  });
});
