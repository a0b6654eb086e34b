/**
 * The Content-Security-Policies the browser and package tests run under, as README.md's security
 * section states them. Both allow nothing but the page's own origin: no `data:` or `blob:` URL for
 * images, fetches or workers, no inline script, no eval.
 */

/** The baseline: inline `<style>` elements and style attributes allowed, nothing else inline. */
export const BASE_CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'";

/**
 * The strict policy: as the baseline but with no inline style at all (neither `<style>` elements
 * nor `style` attributes: `style-src 'self'`), and with Trusted Types required for every script
 * sink, allowing only the library's policy (`geo-story`) and those of the two packages it bundles,
 * Lit (`lit-html`) and DOMPurify (`dompurify`).
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types geo-story lit-html dompurify";
