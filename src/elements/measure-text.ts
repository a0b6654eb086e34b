import { formatDistance, formatStretch } from '../geo/format.js';
import type { MeasureText } from '../map/measure-control.js';
import { localize } from '../story/lang.js';
import type { Lang, Story } from '../story/types.js';
import { t } from './strings.js';

/**
 * The text of the map's measure control in `lang`: its buttons, its hint, and the readout lines for
 * a measured path (straight; along a story layer's line, with both chainages, when it snapped to one:
 * then the figures agree, see formatStretch).
 * @example map.setMeasureText(measureText('en', story))
 */
export function measureText(lang: Lang, story: Story | undefined): MeasureText {
  return {
    toggle: t(lang, 'measureToggle'),
    clear: t(lang, 'measureClear'),
    hint: t(lang, 'measureHint'),
    readout: (d) => {
      if (d.alongMeters === undefined || !d.chainageMeters)
        return [t(lang, 'measureStraight', { d: formatDistance(d.straightMeters, lang) })];
      // Along a line: every figure by one rounding rule, the along distance the chainages' difference.
      const f = formatStretch(d.chainageMeters[0], d.chainageMeters[1], d.straightMeters, lang);
      const layer = story?.layers.find((l) => l.id === d.layer);
      return [
        t(lang, 'measureStraight', { d: f.straight }),
        t(lang, 'measureAlong', { layer: layer ? localize(layer.title, lang) : '', d: f.along }),
        t(lang, 'measureChainage', { from: f.from, to: f.to }),
      ];
    },
  };
}
