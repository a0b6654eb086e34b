/**
 * Zod schemas for the two YAML parts of a story file: the front matter and a chapter block
 * (docs/story-format.md). Each schema carries its own plain-English expectation as the error
 * message; the parser adds the location and what was actually found.
 *
 * The schemas hold no transforms, so the same objects describe the input for the JSON Schema
 * written to stories/story.schema.json.
 *
 * Written with zod/mini, whose functions tree-shake: the viewer parses a story before the map
 * loads, so whatever of zod this file uses is in the viewer's first chunk.
 */
import * as z from 'zod/mini';
import { LANGS } from './types';

/** Kebab-case: lowercase letters and digits in runs joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ID_EXPECTED = 'expected a kebab-case id (lowercase letters and digits joined by hyphens, e.g. "eco-corridor")';

/** A kebab-case id of a story, layer, group or chapter. */
export const idSchema = z.string({ error: ID_EXPECTED }).check(z.regex(ID_PATTERN, { error: ID_EXPECTED }));

// A string with at least one non-space character; readers should never see an empty heading.
function text(expected: string) {
  return z.string({ error: expected }).check(z.regex(/\S/, { error: expected }));
}

// Objects reject unknown keys: a misspelt optional field would otherwise be silently ignored.
function strict<T extends z.core.$ZodLooseShape>(shape: T, expected: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'invalid_type' ? expected : undefined),
  });
}

// A finite number in [min, max]; one message for wrong type and out of range, so it reads the same.
function numberIn(min: number, max?: number, unit = '', expected?: string) {
  const message =
    expected ??
    (max === undefined
      ? `expected a number of ${min} or more${unit}`
      : `expected a number from ${min} to ${max}${unit}`);
  const schema = z.number({ error: message }).check(z.minimum(min, { error: message }));
  return max === undefined ? schema : schema.check(z.maximum(max, { error: message }));
}

/**
 * Text by language, each non-empty, at least one. Which languages it must have depends on the
 * story's `languages` (checked by the parser, languages.ts): the schema knows only the keys.
 */
export const localizedSchema = strict(
  {
    'zh-Hant': z.optional(text('expected non-empty Traditional Chinese text')),
    'zh-Hans': z.optional(text('expected non-empty Simplified Chinese text')),
    en: z.optional(text('expected non-empty English text')),
  },
  'expected a map of text by language, e.g. {zh-Hant: 生態, en: Ecology}',
)
  .check(z.refine((value) => Object.keys(value).length > 0, { error: 'expected text in at least one language' }))
  .register(z.globalRegistry, { minProperties: 1 });

/** A language a story can offer. */
export const langSchema = z.enum(LANGS, { error: 'expected zh-Hant, zh-Hans or en' });

const COLOR_EXPECTED = "expected a CSS hex colour in quotes, e.g. '#2e7d32'";

/** A CSS hex colour: #rgb, #rgba, #rrggbb or #rrggbbaa. */
export const colorSchema = z
  .string({ error: COLOR_EXPECTED })
  .check(z.regex(/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, { error: COLOR_EXPECTED }));

/** A [longitude, latitude] pair (RFC 7946 section 3.1.1 axis order). */
export const lngLatSchema = z.tuple(
  [
    numberIn(-180, 180, '', 'expected a longitude from -180 to 180'),
    // Swapped axes are the usual mistake, and latitude is where they show.
    numberIn(-90, 90, '', 'expected a latitude from -90 to 90 (the order is [longitude, latitude])'),
  ],
  { error: 'expected [longitude, latitude], e.g. [114.2, 22.56]' },
);

// Worded as zod's English locale words a failed pattern: zod/mini loads no locale, and this one
// reaches the author when a feature id is blank text.
const BLANK_FEATURE_ID = 'Invalid string: must match pattern /\\S/';

/** A GeoJSON feature id: a string or a number (RFC 7946 section 3.2). */
export const featureIdSchema = z.union([z.string().check(z.regex(/\S/, { error: BLANK_FEATURE_ID })), z.number()], {
  error: 'expected a feature id (text or a number)',
});

const zoomSchema = numberIn(0, 22);
const pitchSchema = numberIn(0, 85, ' (degrees)');
const bearingSchema = z.number({ error: 'expected a bearing in degrees (a number)' });

const essentialSchema = z._default(z.boolean({ error: 'expected true or false' }), false);

/** A camera given as an explicit view. */
export const viewCameraSchema = strict(
  {
    center: lngLatSchema,
    zoom: zoomSchema,
    bearing: z._default(bearingSchema, 0),
    pitch: z._default(pitchSchema, 0),
    essential: essentialSchema,
  },
  'expected a camera map',
);

const FIT_EXPECTED =
  'expected a layer id, layer id/feature id, or measure, e.g. "corridor", "corridor/centreline" or measure';

/** `layer` or `layer/featureId`: the feature id is everything after the first slash. `measure` is a layer id in form. */
export const FIT_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/\S.*)?$/;

/** The fit that names the chapter's measured stretch rather than a layer. */
export const FIT_MEASURE = 'measure';

const fitRefSchema = z.string({ error: FIT_EXPECTED }).check(z.regex(FIT_PATTERN, { error: FIT_EXPECTED }));

const BBOX_EXPECTED = 'expected a box [west, south, east, north], e.g. [114.1, 22.4, 114.3, 22.6]';
const BBOX_ORDER = 'expected west less than east and south less than north: the order is [west, south, east, north]';

/** A box [west, south, east, north] in degrees (RFC 7946 section 5); boxes across the antimeridian are not taken. */
export const bboxSchema = z
  .tuple(
    [
      numberIn(-180, 180, '', 'expected a west longitude from -180 to 180'),
      numberIn(-90, 90, '', 'expected a south latitude from -90 to 90'),
      numberIn(-180, 180, '', 'expected an east longitude from -180 to 180'),
      numberIn(-90, 90, '', 'expected a north latitude from -90 to 90'),
    ],
    { error: BBOX_EXPECTED },
  )
  .check(z.refine(([west, south, east, north]) => west < east && south < north, { error: BBOX_ORDER }));

const FIT_LIST_EXPECTED = 'expected a list of layer ids or layer id/feature ids, e.g. [corridor/centreline, places]';

/** What a fit camera frames: one reference, a list of them, or a box. */
export const fitSchema = z.union(
  [
    fitRefSchema,
    z.array(fitRefSchema, { error: FIT_LIST_EXPECTED }).check(z.minLength(1, { error: FIT_LIST_EXPECTED })),
    bboxSchema,
  ],
  { error: `${FIT_EXPECTED}; a list of them; or a box [west, south, east, north]` },
);

const PADDING_EXPECTED = 'expected pixels (a number of 0 or more), or a map of top, right, bottom and left';
const sideSchema = z.optional(numberIn(0, undefined, ' (pixels)'));

/** Pixels around what a fit frames: one number for every side, or a map of sides (a side left out is 0). */
export const paddingSchema = z.union(
  [
    numberIn(0, undefined, ' (pixels)'),
    strict({ top: sideSchema, right: sideSchema, bottom: sideSchema, left: sideSchema }, PADDING_EXPECTED),
  ],
  { error: PADDING_EXPECTED },
);

/** A camera that fits layers, features, a box or the chapter's measured stretch. */
export const fitCameraSchema = strict(
  {
    fit: fitSchema,
    padding: z._default(paddingSchema, 40),
    maxZoom: z.optional(zoomSchema),
    bearing: z._default(bearingSchema, 0),
    pitch: z._default(pitchSchema, 0),
    essential: essentialSchema,
  },
  'expected a camera map',
);

/** Where a chapter puts the camera: an explicit view or a fit. */
export const cameraSchema = z.union([viewCameraSchema, fitCameraSchema], {
  error: 'expected a camera: either center and zoom, or fit',
});

const MEASURE_END_EXPECTED =
  'expected km along the line (a number of 0 or more), [longitude, latitude], or the id of a point feature in the layer';

/** One end of a measurement: km along the line, a [lon, lat], or the id of a Point feature of the layer. */
const measureEndSchema = z.union(
  [
    numberIn(0, undefined, ' (km along the line)'),
    lngLatSchema,
    z.string().check(z.regex(/\S/, { error: MEASURE_END_EXPECTED })),
  ],
  { error: MEASURE_END_EXPECTED },
);

/** A measurement along a line feature. */
export const measureSchema = strict(
  {
    layer: idSchema,
    feature: z.optional(featureIdSchema),
    from: z.optional(measureEndSchema),
    to: z.optional(measureEndSchema),
  },
  'expected a map with layer and optionally feature, from and to',
);

/** A cited source. Only http(s) links: the URL becomes a link readers click. */
export const sourceSchema = strict(
  {
    title: localizedSchema,
    url: z.optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })),
  },
  'expected a map with title and optionally url',
);

const DASH_EXPECTED = 'expected a list of dash lengths, e.g. [2, 1]';

const DASH_WHERE_EXPECTED = 'expected one feature property and the value whose features get the dash, e.g. {mode: sea}';

/** `{property: value}`: exactly one pair; the features whose property has that value are dashed. */
export const dashWhereSchema = z
  .record(
    z.string().check(z.regex(/\S/, { error: 'expected the name of a feature property' })),
    z.union([z.string(), z.number(), z.boolean()], { error: 'expected text, a number, or true or false' }),
    { error: DASH_WHERE_EXPECTED },
  )
  .check(z.refine((pairs) => Object.keys(pairs).length === 1, { error: DASH_WHERE_EXPECTED }))
  // The same rule for editors: JSON Schema cannot see the refinement above.
  .register(z.globalRegistry, { minProperties: 1, maxProperties: 1 });

/** How a layer is drawn; everything but the colour has a default. */
export const styleSchema = strict(
  {
    color: colorSchema,
    fillOpacity: z._default(numberIn(0, 1), 0.2),
    lineWidth: z._default(numberIn(0, undefined, ' (pixels)'), 2),
    dash: z.optional(
      z
        .array(numberIn(0, undefined, ' (line widths)'), { error: DASH_EXPECTED })
        .check(z.minLength(1, { error: DASH_EXPECTED })),
    ),
    dashWhere: z.optional(dashWhereSchema),
    dashLabel: z.optional(localizedSchema),
    circleRadius: z._default(numberIn(0, undefined, ' (pixels)'), 5),
    label: z._default(z.boolean({ error: 'expected true or false' }), false),
  },
  "expected a style map with at least color, e.g. {color: '#2e7d32'}",
)
  .check(
    // dashWhere, dash and dashLabel come together: what to dash, how, and what the legend calls it.
    z.superRefine((style, ctx) => {
      const missing = (field: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [field], input: undefined, message });
      if (style.dashWhere && !style.dash)
        missing('dash', 'expected a dash pattern for the features dashWhere picks out, e.g. [2, 1]');
      if (style.dashWhere && !style.dashLabel)
        missing('dashLabel', 'expected a legend label for the dashed features, e.g. {zh-Hant: 海路, en: by sea}');
      if (style.dashLabel && !style.dashWhere)
        missing('dashWhere', 'expected the feature property and value that dashLabel names, e.g. {mode: sea}');
    }),
  )
  .register(z.globalRegistry, { dependentRequired: { dashWhere: ['dash', 'dashLabel'], dashLabel: ['dashWhere'] } });

/** A layer file that holds vector tiles (a PMTiles archive) rather than GeoJSON. */
export const TILES_FILE = /\.pmtiles$/i;

/** A layer declared in the front matter. */
export const layerSchema = strict(
  {
    id: idSchema,
    file: text('expected the path of a GeoJSON file or a PMTiles archive, relative to the story file'),
    'source-layer': z.optional(text('expected the name of a layer in the PMTiles archive, e.g. buildings')),
    title: localizedSchema,
    group: z.optional(idSchema),
    style: styleSchema,
  },
  'expected a layer map with id, file, title and style',
).check(
  // A PMTiles archive holds several source layers and the story draws one; a GeoJSON file has none.
  z.superRefine((layer, ctx) => {
    const tiles = TILES_FILE.test(layer.file);
    if (tiles && layer['source-layer'] === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['source-layer'],
        input: undefined,
        message: 'expected the source-layer a PMTiles layer draws, e.g. source-layer: buildings',
      });
    if (!tiles && layer['source-layer'] !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['source-layer'],
        input: layer['source-layer'],
        message: 'source-layer is for PMTiles archives (a file ending in .pmtiles); a GeoJSON layer has none',
      });
  }),
);

/** A heading in the layer panel. */
export const groupSchema = strict({ id: idSchema, title: localizedSchema }, 'expected a group map with id and title');

const BASEMAP_EXPECTED = 'expected "offline", an http(s) URL, or a path starting with ./, ../ or /';

/** `offline`, or where a MapLibre style is; a relative path must look like one, so a misspelt "offline" is not fetched. */
export const basemapSchema = z
  .string({ error: BASEMAP_EXPECTED })
  .check(z.regex(/^(?:offline|https?:\/\/\S+|\.{1,2}\/\S*|\/(?!\/)\S*)$/, { error: BASEMAP_EXPECTED }));

/** Everything between the front matter's `---` lines. */
export const frontMatterSchema = strict(
  {
    id: idSchema,
    title: localizedSchema,
    subtitle: z.optional(localizedSchema),
    languages: z.optional(
      z
        .array(langSchema, { error: 'expected a list of languages, e.g. [zh-Hant, zh-Hans, en]' })
        .check(z.minLength(1, { error: 'expected at least one language, e.g. [zh-Hant, en]' })),
    ),
    defaultLang: z.optional(langSchema),
    basemap: z._default(basemapSchema, 'offline'),
    groups: z._default(z.array(groupSchema, { error: 'expected a list of groups' }), []),
    layers: z._default(z.array(layerSchema, { error: 'expected a list of layers' }), []),
  },
  'expected the front matter to be a map with at least id and title',
);

/** The YAML inside a ```chapter fenced block. */
export const chapterSchema = strict(
  {
    id: idSchema,
    title: localizedSchema,
    camera: cameraSchema,
    layers: z.array(idSchema, { error: 'expected a list of layer ids, e.g. [corridor, boundary]' }),
    highlight: z.optional(
      z.record(idSchema, z.array(featureIdSchema, { error: 'expected a list of feature ids, e.g. [centreline]' }), {
        error: 'expected a map from layer id to a list of feature ids',
      }),
    ),
    places: z.optional(
      z.record(idSchema, z.array(featureIdSchema, { error: 'expected a list of feature ids, e.g. [sha-tau-kok]' }), {
        error: 'expected a map from layer id (or basemap) to a list of feature ids',
      }),
    ),
    measure: z.optional(measureSchema),
    sources: z.optional(z.array(sourceSchema, { error: 'expected a list of sources' })),
  },
  'expected the chapter block to be a map with at least id, title, camera and layers',
);

/** The validated front matter, defaults applied. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** A validated chapter block, defaults applied. */
export type ChapterBlock = z.output<typeof chapterSchema>;
