/**
 * The camera picker of `npm start`: a small panel over the page showing the map's centre, zoom,
 * bearing and pitch as the author moves it, and copying them as the YAML of a chapter's
 * `camera:` block. Loaded by demo/main.ts only in development (`import.meta.env.DEV`), so no build
 * holds it. It reaches the map through the element's public `map`, `story` and `chapterIndex`.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoStory } from '../src/elements/geo-story.js';
import { parseLang } from '../src/story/lang.js';

/** A chapter camera as the picker reads it off the map. */
export interface PickedCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits)) + 0;

/**
 * The camera that shows what the map shows now, as a chapter's `center`/`zoom` view. A view is
 * centred in the part of the map the chapter card leaves free: the map's padding, less the
 * padding a fit camera of the chapter adds of its own, is that room (src/map/camera.ts).
 */
export function pickCamera(el: GeoStory, map: MapLibreMap): PickedCamera {
  const padding = map.getPadding();
  const camera = el.story?.chapters[el.chapterIndex]?.camera;
  const own = camera?.kind === 'fit' ? camera.padding : { top: 0, right: 0, bottom: 0, left: 0 };
  const room = (side: 'top' | 'right' | 'bottom' | 'left') => Math.max(0, (padding[side] ?? 0) - own[side]);
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const x = (room('left') + width - room('right')) / 2;
  const y = (room('top') + height - room('bottom')) / 2;
  const center = map.unproject([x, y]);
  // Five decimals of a degree are about a metre; two of a zoom level about 1.4 % of scale.
  return {
    center: [round(center.lng, 5), round(center.lat, 5)],
    zoom: round(map.getZoom(), 2),
    bearing: round(map.getBearing(), 1),
    pitch: round(map.getPitch(), 1),
  };
}

/** The YAML of a `camera:` block, as it goes into a chapter block. */
export function cameraYaml({ center, zoom, bearing, pitch }: PickedCamera): string {
  return `camera:\n  center: [${center[0]}, ${center[1]}]\n  zoom: ${zoom}\n  bearing: ${bearing}\n  pitch: ${pitch}\n`;
}

// The picker's own styles, adopted by the page when it shows: demo.css, which the build ships, holds none of them.
const STYLES = `
  .dev-camera-picker {
    position: fixed;
    left: 0.5rem;
    bottom: 0.5rem;
    z-index: 10;
    width: 17rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid #39464f;
    border-radius: 6px;
    background: #fff;
    color: #1a1a1a;
    font: 0.8125rem/1.4 system-ui, sans-serif;
    box-shadow: 0 2px 8px rgb(0 0 0 / 20%);
  }
  .dev-camera-picker textarea {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin: 0.3rem 0;
    font: 0.8125rem/1.4 ui-monospace, monospace;
    resize: none;
  }
  .dev-camera-picker span {
    margin-left: 0.5rem;
  }
`;

/** The picker's words: English, then Chinese in the script the story is read in. */
const WORDS = {
  'zh-Hant': {
    title: 'Camera picker 相機取景',
    yaml: 'Camera YAML 相機 YAML',
    copy: 'Copy YAML 複製',
    copied: 'Copied 已複製',
    select: 'Select and copy the text 請選取並複製文字',
  },
  'zh-Hans': {
    title: 'Camera picker 相机取景',
    yaml: 'Camera YAML 相机 YAML',
    copy: 'Copy YAML 复制',
    copied: 'Copied 已复制',
    select: 'Select and copy the text 请选取并复制文字',
  },
} as const;

/** Simplified Chinese when the story is read in it, else Traditional. */
const words = (el: GeoStory) => WORDS[parseLang(el.lang) === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant'];

/** Shows the picker for `el`, following whichever map it has (a new story or a rebuilt map gets a new one). */
export function showCameraPicker(el: GeoStory): void {
  const panel = document.createElement('details');
  panel.className = 'dev-camera-picker';
  // Closed until asked for: open, it would cover the first chapter's text at the bottom left.
  panel.open = false;
  const title = document.createElement('summary');
  const yaml = document.createElement('textarea');
  yaml.readOnly = true;
  yaml.rows = 5;
  const copy = document.createElement('button');
  copy.type = 'button';
  const said = document.createElement('span');
  said.setAttribute('role', 'status');
  const label = () => {
    const w = words(el);
    title.textContent = w.title;
    yaml.setAttribute('aria-label', w.yaml);
    copy.textContent = w.copy;
  };
  label();
  copy.addEventListener('click', () => {
    yaml.select();
    void navigator.clipboard.writeText(yaml.value).then(
      () => (said.textContent = words(el).copied),
      () => (said.textContent = words(el).select),
    );
  });
  panel.append(title, yaml, copy, said);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  document.body.append(panel);

  let followed: MapLibreMap | undefined;
  const show = () => {
    if (followed) yaml.value = cameraYaml(pickCamera(el, followed));
  };
  const follow = () => {
    label();
    const map = el.map;
    if (map === followed) return show();
    followed?.off('move', show);
    followed = map;
    map?.on('move', show);
    said.textContent = '';
    show();
  };
  // The map comes with a story, and is built again after a new src, a lost context or a turn in
  // the page's pool of maps, none of which the element announces: look for it as the story moves
  // on, and once a second (a development tool; no build holds this).
  for (const type of ['geo-story-ready', 'geo-story-chapter-change'] as const) el.addEventListener(type, follow);
  setInterval(follow, 1000);
  follow();
}
