/** Dispatches a typed geo-story event that bubbles out of shadow roots (conventions: one emit helper). */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
}
