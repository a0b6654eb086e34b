import { formatChainage, formatDistance } from '../geo/format.js';
import type { MeasureText } from '../map/measure-control.js';
import { localize } from '../story/lang.js';
import type { Lang, Story } from '../story/types.js';
import { t } from './strings.js';

/**
 * The text of the map's measure control in `lang`: its buttons, its hint, and the readout lines for
 * a measured path (straight; along a story layer's line, with both chainages, when it snapped to one).
 * @example map.setMeasureText(measureText('en', story))
 */
export function measureText(lang: Lang, story: Story | undefined): MeasureText {
  return {
    toggle: t(lang, 'measureToggle'),
    clear: t(lang, 'measureClear'),
    hint: t(lang, 'measureHint'),
    readout: (d) => {
      const lines = [t(lang, 'measureStraight', { d: formatDistance(d.straightMeters, lang) })];
      if (d.alongMeters !== undefined && d.chainageMeters) {
        const layer = story?.layers.find((l) => l.id === d.layer);
        lines.push(
          t(lang, 'measureAlong', {
            layer: layer ? localize(layer.title, lang) : '',
            d: formatDistance(d.alongMeters, lang),
          }),
          t(lang, 'measureChainage', {
            from: formatChainage(d.chainageMeters[0], lang),
            to: formatChainage(d.chainageMeters[1], lang),
          }),
        );
      }
      return lines;
    },
  };
}
