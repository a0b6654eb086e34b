/**
 * The nearest ancestor of `el` that scrolls vertically, crossing shadow-root boundaries, or
 * null when the document itself scrolls. Measuring against the window breaks a viewer embedded
 * in a scrolling panel; measuring against this does not.
 * @example const root = scrollRoot(hostElement) ?? document
 */
export function scrollRoot(el: Element): Element | null {
  let node: Node | null = parentAcrossShadow(el);
  while (node && node instanceof Element) {
    if (node === document.scrollingElement || node === document.documentElement || node === document.body) return null;
    const style = getComputedStyle(node);
    if (/(auto|scroll|overlay)/.test(style.overflowY)) return node;
    node = parentAcrossShadow(node);
  }
  return null;
}

function parentAcrossShadow(node: Node): Node | null {
  if (node instanceof Element && node.assignedSlot) return node.assignedSlot;
  if (node.parentNode instanceof ShadowRoot) return node.parentNode.host;
  return node.parentNode;
}
