import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang, StoryLayer } from '../story/types.js';
import type { FeatureIds } from './chapter-state.js';
import { addNamedPlaces, namedPlacesFilter } from './named-places.js';
import { pmtilesUrl } from './pmtiles-protocol.js';
import { highlightFilter, storyLayerSpecs, storySourceId, withIdProperty, type StoryLayerSpecs } from './style.js';

/** The story layers on a loaded map: one source each and its MapLibre layers, addressed by story layer id. */
export class StoryLayers {
  private readonly specs = new Map<string, StoryLayerSpecs>();
  /** The named-places label layer of each story layer and of the basemap, by key. */
  private readonly named: Map<string, string>;

  /**
   * Adds the source and the hidden MapLibre layers of each story layer, bottom to top: an empty
   * GeoJSON source, or for an archive a vector source read through the `pmtiles` protocol (its
   * file resolved against `storyUrl`), which fetches only the tiles in view.
   */
  constructor(
    private readonly map: MapLibreMap,
    layers: readonly StoryLayer[],
    lang: Lang,
    storyUrl: string,
  ) {
    for (const layer of layers) {
      map.addSource(
        storySourceId(layer.id),
        layer.sourceLayer === undefined
          ? { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
          : { type: 'vector', url: pmtilesUrl(new URL(layer.file, storyUrl).href) },
      );
      const spec = storyLayerSpecs(layer, lang);
      this.specs.set(layer.id, spec);
      for (const l of spec.all) map.addLayer(l);
    }
    // Named places are looked up in a layer's data, which only a GeoJSON layer has whole.
    this.named = addNamedPlaces(
      map,
      layers.filter((l) => l.sourceLayer === undefined).map((l) => l.id),
      lang,
    );
  }

  /** Ids of the MapLibre layers whose text follows the language. */
  get labelLayers(): string[] {
    return [...[...this.specs.values()].flatMap((spec) => spec.labels), ...this.named.values()];
  }

  /** Hands a story layer's data to its source. */
  setData(layerId: string, data: FeatureCollection): void {
    const source = this.map.getSource(storySourceId(layerId)) as GeoJSONSource | undefined;
    // setData's promise only says when the worker has the data; failures reach the map's `error` event.
    void source?.setData(withIdProperty(data));
  }

  /** Shows or hides every MapLibre layer of a story layer. */
  setVisible(layerId: string, visible: boolean): void {
    for (const l of this.specs.get(layerId)?.all ?? [])
      this.map.setLayoutProperty(l.id, 'visibility', visible ? 'visible' : 'none');
  }

  /** Labels exactly these places of a story layer, or of the basemap under `basemap` (none when empty). */
  setPlaces(key: string, ids: FeatureIds): void {
    const id = this.named.get(key);
    if (id) this.map.setFilter(id, namedPlacesFilter(key, ids));
  }

  /** Highlights exactly these features of a story layer (none when empty). */
  setHighlight(layerId: string, ids: FeatureIds): void {
    for (const h of this.specs.get(layerId)?.highlight ?? [])
      this.map.setFilter(h.id, highlightFilter(h.geometry, ids));
  }
}
