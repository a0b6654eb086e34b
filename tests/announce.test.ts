import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (lang: string) => `${base}index.html?lang=${lang}`;

/** What a reader who cannot see the map is told about a chapter, and what the text shows of it. */
interface Heard {
  live: string;
  politeness: string | null;
  label: string | null;
  title: string;
  visible: string[];
  /** The chapter's measurement line in its text, when it has one. */
  measureLine: string | undefined;
  /** The names of the chapter's places in the page's language, read from the layer files and basemap labels. */
  places: string[];
}

/** Goes to chapter `id`, waits for the map, and reads the live region, the canvas's name and the chapter. */
async function heardAt(page: Page, id: string): Promise<Heard> {
  await page.evaluate((c) => document.querySelector('geo-story')!.goTo(c), id);
  await waitSettled(page);
  return page.evaluate(async (c) => {
    const el = document.querySelector('geo-story')!;
    await el.updateComplete;
    // The names as the files give them: each story layer's file beside the story, the basemap's labels.
    const story = el.story!;
    const chapter = story.chapters.find((ch) => ch.id === c)!;
    const storyUrl = new URL(el.src, location.href);
    const nameKey = el.lang === 'en' ? 'name_en' : 'name_zh_hant';
    const places: string[] = [];
    for (const [key, ids] of Object.entries(chapter.places)) {
      const file = key === 'basemap' ? 'geo/basemap/labels.geojson' : story.layers.find((l) => l.id === key)!.file;
      const data = (await (await fetch(new URL(file, key === 'basemap' ? location.href : storyUrl))).json()) as {
        features: { id?: string | number; properties: Record<string, string> }[];
      };
      for (const id of ids) {
        const f = data.features.find((x) => String(key === 'basemap' ? x.properties.label_id : x.id) === String(id))!;
        places.push(f.properties[nameKey]!);
      }
    }
    const live = el.shadowRoot!.querySelector('.layout > [aria-live]')!;
    const text = el.shadowRoot!.querySelector(`[data-chapter-id="${c}"] .chapter-measure`);
    return {
      live: live.textContent!.trim(),
      politeness: live.getAttribute('aria-live'),
      label: el.map!.getCanvas().getAttribute('aria-label'),
      title: el.chapters.find((ch) => ch.id === c)!.title,
      visible: el.layers.filter((l) => l.visible).map((l) => l.title),
      measureLine: text?.textContent!.trim().replace(/\s+/g, ' '),
      places,
    };
  }, id);
}

const WORDS = {
  en: {
    chapter: (n: number, total: number, title: string) => `Chapter ${n} of ${total}: ${title}.`,
    label: (title: string) => `Map: ${title}`,
    // "Measured along <layer>: <along>, from ..." in the chapter's text; "Measured along <layer>: <along>." heard.
    measure: /^Measured along (.+?): (.+?), from/,
    heardMeasure: (layer: string, along: string) => `Measured along ${layer}: ${along}.`,
    measureWord: 'Measured',
    places: 'Places: ',
  },
  'zh-Hant': {
    chapter: (n: number, total: number, title: string) => `第 ${n} 章，共 ${total} 章：${title}。`,
    label: (title: string) => `地圖：${title}`,
    measure: /^沿(.+?)量度：(.+?)，由/,
    heardMeasure: (layer: string, along: string) => `沿${layer}量度：${along}。`,
    measureWord: '量度',
    places: '地點：',
  },
} as const;

describe('announcements', () => {
  const withPage = useBrowser();

  for (const lang of ['zh-Hant', 'en'] as const)
    it(`says each chapter's map view in the live region and names the map after it (${lang})`, () =>
      withPage(pageUrl(lang), async ({ page, errors }) => {
        await waitReady(page);
        await waitSettled(page);
        const words = WORDS[lang];
        const ids = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.id));
        const labels = new Set<string>();
        let measured = 0;
        let named = 0;
        // Backwards from the last chapter, so that every chapter, the first included, is a change.
        for (let i = ids.length - 1; i >= 0; i--) {
          const heard = await heardAt(page, ids[i]!);
          expect(heard.politeness).toBe('polite');
          expect(heard.live.startsWith(words.chapter(i + 1, ids.length, heard.title)), heard.live).toBe(true);
          for (const layer of heard.visible) {
            expect(heard.live, ids[i]).toContain(layer);
            expect(heard.label, ids[i]).toContain(layer);
          }
          expect(heard.label!.startsWith(words.label(heard.title)), `${heard.label}`).toBe(true);
          // The places the chapter names, in the reader's language, after the chapter and before the layers.
          if (heard.places.length > 0) {
            const at = heard.live.indexOf(words.places);
            expect(at, heard.live).toBeGreaterThan(0);
            for (const place of heard.places) {
              expect(heard.live.slice(at), ids[i]).toContain(place);
              expect(heard.label, ids[i]).toContain(place);
            }
            named++;
          } else expect(heard.live).not.toContain(words.places);
          labels.add(heard.label!);
          if (heard.measureLine) {
            const [, layer, along] = heard.measureLine.match(words.measure)!;
            expect(heard.live).toContain(words.heardMeasure(layer!, along!));
            measured++;
          } else expect(heard.live).not.toContain(words.measureWord);
        }
        // Every chapter gives the map a name of its own; the story measures in some of its chapters.
        expect(labels.size).toBe(ids.length);
        expect(measured).toBeGreaterThan(0);
        expect(named).toBeGreaterThan(ids.length / 2);
        expect(errors).toEqual([]);
      }));

  it('renames the map in the other language when the reader switches, and speaks that language on the next chapter', () =>
    withPage(pageUrl('zh-Hant'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const ids = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.id));
      const first = await heardAt(page, ids[1]!);
      expect(first.label!.startsWith(WORDS['zh-Hant'].label(first.title))).toBe(true);
      await page.locator('geo-story').getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.querySelector('geo-story')!.lang === 'en');
      // Pressing the button scrolls it into view, which may turn the chapter: the name follows whichever is current.
      await page.waitForFunction(() => {
        const el = document.querySelector('geo-story')!;
        const title = el.chapters[el.chapterIndex]!.title;
        return el.map!.getCanvas().getAttribute('aria-label')!.startsWith(`Map: ${title}`);
      });
      const next = await heardAt(page, ids[2]!);
      expect(next.live.startsWith(WORDS.en.chapter(3, ids.length, next.title)), next.live).toBe(true);
      expect(errors).toEqual([]);
    }));
});
