import '../src/index.js';
import { followEdits } from './live.js';

// The demo page reads ?story=, ?lang= and ?basemap= so any story in stories/ can be opened without editing HTML.
const params = new URLSearchParams(location.search);
const el = document.querySelector('geo-story');
if (el) {
  const lang = params.get('lang');
  if (lang) el.lang = lang;
  const basemap = params.get('basemap');
  if (basemap) el.basemap = basemap;
  // Without ?story= the page's own src stays: the build's compiled default story. In development the
  // Markdown file itself, which the live preview follows as it is saved.
  const story = params.get('story') ?? (import.meta.env.DEV ? el.src.replace(/\.json$/, '.md') : undefined);
  if (story) {
    // The text prerendered into the page at build time is the default story's, not this one's.
    if (params.has('story')) el.querySelector('[slot="prerendered"]')?.remove();
    el.src = story;
  }
  // In development (npm start): the story follows its files as they are saved, and its errors show over the page.
  followEdits(el);
  // In development only: the camera picker, which a production build leaves out with this branch.
  if (import.meta.env.DEV) void import('./camera-picker.js').then(({ showCameraPicker }) => showCameraPicker(el));
}
