/**
 * Zod schemas for the two YAML parts of a story file: the front matter and a chapter block
 * (docs/story-format.md). Each schema carries its own plain-English expectation as the error
 * message; the parser adds the location and what was actually found.
 *
 * The schemas hold no transforms, so the same objects describe the input for the JSON Schema
 * written to stories/story.schema.json.
 */
import * as z from 'zod';
import { LANGS } from './types';

/** Kebab-case: lowercase letters and digits in runs joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ID_EXPECTED = 'expected a kebab-case id (lowercase letters and digits joined by hyphens, e.g. "eco-corridor")';

/** A kebab-case id of a story, layer, group or chapter. */
export const idSchema = z.string({ error: ID_EXPECTED }).regex(ID_PATTERN, { error: ID_EXPECTED });

// A string with at least one non-space character; readers should never see an empty heading.
function text(expected: string) {
  return z.string({ error: expected }).regex(/\S/, { error: expected });
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
    (max === undefined ? `expected a number of ${min} or more${unit}` : `expected a number from ${min} to ${max}${unit}`);
  const schema = z.number({ error: message }).min(min, { error: message });
  return max === undefined ? schema : schema.max(max, { error: message });
}

/** Text in every language the viewer speaks, each non-empty. */
export const localizedSchema = strict(
  {
    'zh-Hant': text('expected non-empty Traditional Chinese text'),
    en: text('expected non-empty English text'),
  },
  'expected a map with zh-Hant and en text, e.g. {zh-Hant: 生態, en: Ecology}',
);

const COLOR_EXPECTED = "expected a CSS hex colour in quotes, e.g. '#2e7d32'";

/** A CSS hex colour: #rgb, #rgba, #rrggbb or #rrggbbaa. */
export const colorSchema = z
  .string({ error: COLOR_EXPECTED })
  .regex(/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, { error: COLOR_EXPECTED });

/** A [longitude, latitude] pair (RFC 7946 section 3.1.1 axis order). */
export const lngLatSchema = z.tuple(
  [
    numberIn(-180, 180, '', 'expected a longitude from -180 to 180'),
    // Swapped axes are the usual mistake, and latitude is where they show.
    numberIn(-90, 90, '', 'expected a latitude from -90 to 90 (the order is [longitude, latitude])'),
  ],
  { error: 'expected [longitude, latitude], e.g. [114.2, 22.56]' },
);

/** A GeoJSON feature id: a string or a number (RFC 7946 section 3.2). */
export const featureIdSchema = z.union([z.string().regex(/\S/), z.number()], {
  error: 'expected a feature id (text or a number)',
});

const zoomSchema = numberIn(0, 22);
const pitchSchema = numberIn(0, 85, ' (degrees)');
const bearingSchema = z.number({ error: 'expected a bearing in degrees (a number)' });

/** A camera given as an explicit view. */
export const viewCameraSchema = strict(
  {
    center: lngLatSchema,
    zoom: zoomSchema,
    bearing: bearingSchema.default(0),
    pitch: pitchSchema.default(0),
  },
  'expected a camera map',
);

const FIT_EXPECTED = 'expected a layer id, or layer id/feature id, e.g. "corridor" or "corridor/centreline"';

/** `layer` or `layer/featureId`: the feature id is everything after the first slash. */
export const FIT_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/\S.*)?$/;

/** A camera that fits a layer, or one feature of it. */
export const fitCameraSchema = strict(
  {
    fit: z.string({ error: FIT_EXPECTED }).regex(FIT_PATTERN, { error: FIT_EXPECTED }),
    padding: numberIn(0, undefined, ' (pixels)').default(40),
    maxZoom: zoomSchema.optional(),
    bearing: bearingSchema.default(0),
    pitch: pitchSchema.default(0),
  },
  'expected a camera map',
);

/** Where a chapter puts the camera: an explicit view or a fit. */
export const cameraSchema = z.union([viewCameraSchema, fitCameraSchema], {
  error: 'expected a camera: either center and zoom, or fit',
});

const kmOrPointSchema = z.union([numberIn(0, undefined, ' (km along the line)'), lngLatSchema], {
  error: 'expected km along the line (a number of 0 or more) or [longitude, latitude]',
});

/** A measurement along a line feature. */
export const measureSchema = strict(
  {
    layer: idSchema,
    feature: featureIdSchema.optional(),
    from: kmOrPointSchema.optional(),
    to: kmOrPointSchema.optional(),
  },
  'expected a map with layer and optionally feature, from and to',
);

/** A cited source. Only http(s) links: the URL becomes a link readers click. */
export const sourceSchema = strict(
  {
    title: localizedSchema,
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  },
  'expected a map with title and optionally url',
);

/** How a layer is drawn; everything but the colour has a default. */
export const styleSchema = strict(
  {
    color: colorSchema,
    fillOpacity: numberIn(0, 1).default(0.2),
    lineWidth: numberIn(0, undefined, ' (pixels)').default(2),
    dash: z
      .array(numberIn(0, undefined, ' (line widths)'), { error: 'expected a list of dash lengths, e.g. [2, 1]' })
      .min(1, { error: 'expected a list of dash lengths, e.g. [2, 1]' })
      .optional(),
    circleRadius: numberIn(0, undefined, ' (pixels)').default(5),
    label: z.boolean({ error: 'expected true or false' }).default(false),
  },
  "expected a style map with at least color, e.g. {color: '#2e7d32'}",
);

/** A layer declared in the front matter. */
export const layerSchema = strict(
  {
    id: idSchema,
    file: text('expected the path of a GeoJSON file, relative to the story file'),
    title: localizedSchema,
    group: idSchema.optional(),
    style: styleSchema,
  },
  'expected a layer map with id, file, title and style',
);

/** A heading in the layer panel. */
export const groupSchema = strict({ id: idSchema, title: localizedSchema }, 'expected a group map with id and title');

const BASEMAP_EXPECTED = 'expected "offline", an http(s) URL, or a path starting with ./, ../ or /';

/** `offline`, or where a MapLibre style is; a relative path must look like one, so a misspelt "offline" is not fetched. */
export const basemapSchema = z
  .string({ error: BASEMAP_EXPECTED })
  .regex(/^(?:offline|https?:\/\/\S+|\.{1,2}\/\S*|\/(?!\/)\S*)$/, { error: BASEMAP_EXPECTED });

/** Everything between the front matter's `---` lines. */
export const frontMatterSchema = strict(
  {
    id: idSchema,
    title: localizedSchema,
    subtitle: localizedSchema.optional(),
    defaultLang: z.enum(LANGS, { error: 'expected zh-Hant or en' }).default('zh-Hant'),
    basemap: basemapSchema.default('offline'),
    groups: z.array(groupSchema, { error: 'expected a list of groups' }).default([]),
    layers: z.array(layerSchema, { error: 'expected a list of layers' }).default([]),
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
    highlight: z
      .record(idSchema, z.array(featureIdSchema, { error: 'expected a list of feature ids, e.g. [centreline]' }), {
        error: 'expected a map from layer id to a list of feature ids',
      })
      .optional(),
    measure: measureSchema.optional(),
    sources: z.array(sourceSchema, { error: 'expected a list of sources' }).optional(),
  },
  'expected the chapter block to be a map with at least id, title, camera and layers',
);

/** The validated front matter, defaults applied. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** A validated chapter block, defaults applied. */
export type ChapterBlock = z.output<typeof chapterSchema>;
