/** The parts of the reference fact sheet (geo/reference/places.json) that the story layers are built from. */
import type { BBox, Position } from 'geojson';

/** One place: a point, and for some a bbox or a sketched outline (an open ring), with its source. */
export interface Place {
  id: string;
  name_en: string;
  name_zh_hant: string;
  /** The name as written on the Mainland, in Simplified characters. */
  name_zh_hans?: string;
  kind: string;
  point: Position;
  bbox?: BBox;
  outline?: Position[];
  confidence: string;
  source: string;
}

/** One MiC supply route: waypoints in order, from the factory to the site. */
export interface MicRoute {
  id: string;
  name: string;
  mode: 'road' | 'sea';
  waypoints: Position[];
  length_km_estimate: number;
  confidence: string;
  source: string;
}

/** The fact sheet: places, the ecological corridor's centreline and the MiC routes. */
export interface PlacesFile {
  places: Place[];
  corridor: {
    name_en: string;
    name_zh_hant: string;
    centreline: { name: string; coord: Position }[];
    centreline_length_km_estimate: number;
    confidence: string;
  };
  mic_routes: MicRoute[];
}

/** Looks a place up by its places.json id; a missing one is an error in the fact sheet. */
export type PlaceLookup = (id: string) => Place;

/** The lookup of the places of one fact sheet. */
export function placeLookup(facts: PlacesFile): PlaceLookup {
  return (id) => {
    const p = facts.places.find((x) => x.id === id);
    if (!p) throw new Error(`places.json has no place ${id}`);
    return p;
  };
}
