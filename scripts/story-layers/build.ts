/** Builds every story layer from the fact sheet and, for the sea areas, the basemap land. */
import { buildApecVenue } from './apec-venue.js';
import { buildCorridor } from './corridor.js';
import type { Layer } from './layer.js';
import type { StoryLand } from './land.js';
import { buildMicRoutes } from './mic-routes.js';
import { buildMirsBay } from './mirs-bay.js';
import { buildPlaceLabels } from './place-labels.js';
import { placeLookup, type PlacesFile } from './places-file.js';
import { buildPortShelter } from './port-shelter.js';
import { buildProtectedAreas } from './protected-areas.js';

/** The layers in the order they are written, and the report of lengths and areas. */
export interface StoryLayers {
  layers: Layer[];
  report: string[];
}

/** Builds the layers; without land the sea layers (mirs-bay, port-shelter) are left out. */
export function buildStoryLayers(facts: PlacesFile, land: StoryLand | null): StoryLayers {
  const place = placeLookup(facts);
  const builds = [
    buildCorridor(facts, place),
    buildProtectedAreas(place, land),
    buildApecVenue(place),
    buildMicRoutes(facts, place),
    buildPlaceLabels(place),
    ...(land ? [buildPortShelter(place, land), buildMirsBay(place, land)] : []),
  ];
  return { layers: builds.map((b) => b.layer), report: builds.flatMap((b) => b.report) };
}
