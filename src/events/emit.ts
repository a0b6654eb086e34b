/**
 * Dispatches a typed geo-story event. It bubbles and crosses shadow roots, unless `composed` is
 * false: then it stays inside the shadow root it was dispatched in (a panel's word to its own story).
 */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  composed = true,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed, cancelable: false }));
}
