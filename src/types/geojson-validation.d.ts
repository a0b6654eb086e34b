/** The part of geojson-validation (an untyped CommonJS package) that the validator uses. */
declare module 'geojson-validation' {
  /** With `trace: true`, returns an array of messages, or true when valid. */
  export function valid(value: unknown, trace: true): true | string[];
  /** With `trace: true`, returns an array of messages, or true when the value is a valid Feature. */
  export function isFeature(value: unknown, trace: true): true | string[];
  const gjv: { valid: typeof valid; isFeature: typeof isFeature };
  export default gjv;
}
