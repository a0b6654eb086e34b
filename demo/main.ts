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
  el.src = params.get('story') ?? 'stories/gba-cooperation.md';
  // In development (npm start): the story follows its files as they are saved, and its errors show over the page.
  followEdits(el);
}
