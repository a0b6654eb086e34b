/** What a key press lands on, to tell the element's own shortcuts from keys a control needs. */

const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio']);
/** Roles whose widgets use the arrow keys themselves (WAI-ARIA Authoring Practices, keyboard interaction). */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'listbox',
  'menu',
  'menubar',
  'radiogroup',
  'tablist',
  'tree',
  'grid',
  'combobox',
  'textbox',
]);
/** Roles a reader activates with Space. */
const SPACE_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'switch',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'tab',
  'radio',
]);

/** The element a keyboard event started on, inside any shadow root. */
export function keyOrigin(e: KeyboardEvent): Element | undefined {
  const origin = e.composedPath()[0];
  return origin instanceof Element ? origin : undefined;
}

/** Whether the reader is typing there: every printable key belongs to the field. */
export function isTyping(el: Element | undefined): boolean {
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement ||
      (el instanceof HTMLInputElement && !BUTTON_INPUTS.has(el.type)))
  );
}

/** Whether the arrow keys, Home and End mean something there (a field, a radio group, a slider). */
export function ownsArrows(el: Element | undefined): boolean {
  if (!el) return false;
  if (isTyping(el) || (el instanceof HTMLInputElement && el.type === 'radio')) return true;
  return ARROW_ROLES.has(el.getAttribute('role') ?? '');
}

/** Whether Space activates it (a button, a link, a checkbox, a disclosure) or types in it. */
export function ownsSpace(el: Element | undefined): boolean {
  if (!el) return false;
  if (isTyping(el) || el instanceof HTMLButtonElement || el instanceof HTMLInputElement) return true;
  if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) return true;
  if (el.localName === 'summary') return true;
  return SPACE_ROLES.has(el.getAttribute('role') ?? '');
}

/** Whether it is the MapLibre map's canvas, whose own keyboard handler pans, rotates and zooms. */
export function isMapCanvas(el: Element | undefined): boolean {
  return el instanceof HTMLCanvasElement && el.classList.contains('maplibregl-canvas');
}
