import '../src/index.js';

// The demo page reads ?story=, ?lang= and ?basemap= so any story in stories/ can be opened without editing HTML.
const params = new URLSearchParams(location.search);
const el = document.querySelector('geo-story');
if (el) {
  const lang = params.get('lang');
  if (lang) el.lang = lang;
  const basemap = params.get('basemap');
  if (basemap) el.basemap = basemap;
  el.src = params.get('story') ?? 'stories/gba-cooperation.md';
}
