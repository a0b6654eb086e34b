import type { GeoStoryMeasureDetail } from '../events/geo-story-measure.js';
import { iconElement, ICONS } from './control-icons.js';

/** Interface text of the measure control in the current language; the element supplies it (strings live there). */
export interface MeasureText {
  /** Accessible name and tooltip of the toggle button. */
  toggle: string;
  /** Label of the button that removes the points. */
  clear: string;
  /** What to do, shown while fewer than two points are placed. */
  hint: string;
  /** Lines of the readout for a measured path. */
  readout: (detail: GeoStoryMeasureDetail) => string[];
}

/** What the panel shows of measure mode. */
export interface MeasureState {
  /** Whether measure mode is on. */
  active: boolean;
  /** How many points the path has. */
  points: number;
  /** The figures of the path, once it has two points. */
  detail: GeoStoryMeasureDetail | undefined;
}

/** Corners of the map the readout may sit in, in order of preference: its own under the toggle first. */
export const READOUT_DOCKS = ['top-right', 'top-left', 'bottom-right'] as const;

/** A corner of the map the readout may sit in. */
export type ReadoutDock = (typeof READOUT_DOCKS)[number];

/**
 * The measure control's DOM: the toggle button (`part="measure-toggle"`), the live readout
 * (`part="measure-readout"`) with its clear button, and the cross marking the map's centre, where
 * Enter adds a point. It only shows state; the control listens to its buttons.
 */
export class MeasurePanel {
  /** The control's element, for MapLibre's control corner. */
  readonly element: HTMLDivElement;
  /** The button entering and leaving measure mode. */
  readonly toggle: HTMLButtonElement;
  /** The button removing the points. */
  readonly clear: HTMLButtonElement;
  private readonly readout: HTMLDivElement;
  private readonly lines: HTMLDivElement;
  private readonly cross: HTMLDivElement;
  private text: MeasureText;
  private where: ReadoutDock = 'top-right';
  private state: MeasureState = { active: false, points: 0, detail: undefined };

  /** Builds the control's element, and puts the centre cross into the map's canvas container. */
  constructor(canvasContainer: HTMLElement, text: MeasureText) {
    const doc = canvasContainer.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] => {
      const e = doc.createElement(tag);
      e.className = className;
      return e;
    };
    this.text = text;
    this.element = el('div', 'maplibregl-ctrl geo-story-measure');
    const group = el('div', 'maplibregl-ctrl-group');
    this.toggle = el('button', 'geo-story-measure-toggle');
    this.toggle.type = 'button';
    this.toggle.setAttribute('part', 'measure-toggle');
    this.toggle.setAttribute('aria-pressed', 'false');
    this.toggle.setAttribute('aria-keyshortcuts', 'M');
    // Drawn, not an icon font or a file: it needs no network and scales with the button.
    this.toggle.append(iconElement(doc, ICONS.ruler, 20));
    group.append(this.toggle);
    this.readout = el('div', 'geo-story-measure-readout');
    this.readout.setAttribute('part', 'measure-readout');
    this.readout.setAttribute('aria-live', 'polite');
    this.readout.dataset.dock = this.where;
    this.readout.hidden = true;
    this.lines = el('div', 'geo-story-measure-lines');
    this.clear = el('button', 'geo-story-measure-clear');
    this.clear.type = 'button';
    this.clear.hidden = true;
    this.readout.append(this.lines, this.clear);
    this.element.append(group, this.readout);
    this.cross = el('div', 'geo-story-measure-cross');
    this.cross.hidden = true;
    this.cross.setAttribute('aria-hidden', 'true');
    canvasContainer.append(this.cross);
    this.setText(text);
  }

  /** Replaces the interface text (the language changed) and rewrites the readout in it. */
  setText(text: MeasureText): void {
    this.text = text;
    this.toggle.setAttribute('aria-label', text.toggle);
    this.toggle.title = text.toggle;
    this.clear.textContent = text.clear;
    this.show(this.state);
  }

  /** Shows measure mode as it is now: pressed toggle, cross, readout lines and clear button. */
  show(state: MeasureState): void {
    this.state = state;
    const { active, points, detail } = state;
    this.toggle.setAttribute('aria-pressed', String(active));
    this.readout.hidden = !active;
    this.cross.hidden = !active;
    this.clear.hidden = points === 0;
    const text = detail ? this.text.readout(detail) : active ? [this.text.hint] : [];
    this.lines.replaceChildren(
      ...text.map((line) => {
        const p = this.lines.ownerDocument.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }

  /** The corner the readout sits in now. */
  get dock(): ReadoutDock {
    return this.where;
  }

  /**
   * Keeps the readout off what `covers` counts under a box (the measured points): where it is if
   * nothing is under it, else in the first corner with nothing under it, else in the corner with
   * the fewest. It moves between MapLibre's control corners, so it stacks with their controls.
   */
  keepClear(covers: (box: DOMRect) => number): void {
    if (this.readout.hidden || covers(this.readout.getBoundingClientRect()) === 0) return;
    let best: { dock: ReadoutDock; n: number } | undefined;
    for (const dock of READOUT_DOCKS) {
      this.moveTo(dock);
      const n = covers(this.readout.getBoundingClientRect());
      if (n === 0) return;
      if (!best || n < best.n) best = { dock, n };
    }
    this.moveTo(best!.dock);
  }

  /** Puts the readout in a corner: its own place in the control for the top right, else a corner of its own. */
  private moveTo(dock: ReadoutDock): void {
    if (dock === this.where) return;
    const corner = this.element.closest('.maplibregl-control-container')?.querySelector(`.maplibregl-ctrl-${dock}`);
    if (dock !== 'top-right' && !corner) return;
    this.where = dock;
    this.readout.dataset.dock = dock;
    // In a corner of its own it is a control as MapLibre lays them out; in its own control, a part of it.
    this.readout.classList.toggle('maplibregl-ctrl', dock !== 'top-right');
    if (dock === 'top-right') this.element.append(this.readout);
    // MapLibre stacks the bottom corners upwards, their first child on top.
    else if (dock.startsWith('bottom')) corner!.prepend(this.readout);
    else corner!.append(this.readout);
  }

  /** Takes the element, the readout wherever it is docked, and the cross out of the page. */
  remove(): void {
    this.cross.remove();
    this.readout.remove();
    this.element.remove();
  }
}
