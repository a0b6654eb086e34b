/**
 * The bench's baseline page (built by scripts/bench/baseline.ts, never shipped): plain MapLibre GL
 * JS drawing the same embedded basemap (land, boundary, labels) and the same story layers, each a
 * GeoJSON source given by URL, with the chapters as plain HTML beside the map and an
 * IntersectionObserver flying the map to each chapter's camera and showing its layers, as a
 * storytelling template does. No <geo-story>, no story parser, no Lit.
 */
import { Map as MapLibreMap, AttributionControl, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { offlineStyle } from '../../src/map/basemap-style.js';
import { storyLayerSpecs, storySourceId } from '../../src/map/style.js';
import type { BaselineCamera, BaselineConfig } from './baseline-config.js';

setWorkerUrl(workerUrl);
const style = document.createElement('style');
style.textContent = maplibreCss;
document.head.append(style);

const config = JSON.parse(document.getElementById('baseline-config')!.textContent!) as BaselineConfig;
const mapStyle = offlineStyle(config.basemap, config.lang);
const specs = config.layers.map((layer) => storyLayerSpecs(layer, config.lang));
config.layers.forEach((layer) => {
  mapStyle.sources[storySourceId(layer.id)] = { type: 'geojson', data: layer.url };
});
const visibleIn = (index: number) => new Set(config.chapters[index]!.layers);
const first = visibleIn(0);
specs.forEach((spec, i) => {
  for (const l of spec.all)
    mapStyle.layers.push({
      ...l,
      layout: { ...l.layout, visibility: first.has(config.layers[i]!.id) ? 'visible' : 'none' },
    } as typeof l);
});

const map = new MapLibreMap({
  container: 'map',
  style: mapStyle,
  center: [114.15, 22.45],
  zoom: 9,
  attributionControl: false,
  scrollZoom: false,
  fadeDuration: 0,
});
map.addControl(new AttributionControl({ compact: true }), 'bottom-right');
map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');

/** MapLibre camera options for a chapter camera on this map. */
function view(camera: BaselineCamera) {
  const { bearing, pitch } = camera;
  if (!('bounds' in camera)) return camera;
  // An explicit `maxZoom: undefined` would override MapLibre's default and give NaN.
  const limit = camera.maxZoom === undefined ? {} : { maxZoom: camera.maxZoom };
  const fit = map.cameraForBounds(camera.bounds, { padding: camera.padding, ...limit, bearing });
  return { ...fit, pitch };
}
map.jumpTo(view(config.chapters[0]!.camera));

/** Resolves at the map's first idle: style, every source and every tile loaded, nothing moving. */
const ready = new Promise<void>((resolve) => map.once('idle', () => resolve()));
Object.assign(window, { baseline: { map, ready } });

let current = 0;
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const index = Number((entry.target as HTMLElement).dataset.index);
      if (index === current) continue;
      current = index;
      const visible = visibleIn(index);
      specs.forEach((spec, i) => {
        for (const l of spec.all)
          map.setLayoutProperty(l.id, 'visibility', visible.has(config.layers[i]!.id) ? 'visible' : 'none');
      });
      map.stop();
      map.flyTo({ ...view(config.chapters[index]!.camera), essential: true, maxDuration: 3500 });
    }
  },
  { rootMargin: '-50% 0px -50% 0px' },
);
for (const chapter of document.querySelectorAll<HTMLElement>('[data-chapter-id]')) observer.observe(chapter);
