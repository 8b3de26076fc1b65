/**
 * The legacy connection timeout the user may set (seconds): its bounds, defined once for the
 * store, the autosave and the input field. The default is the selection's (./select.ts).
 * Whole seconds, as Windows' own setting is.
 */
export const LEGACY_TIMEOUT_RANGE = { min: 1, max: 3600 } as const;
export const MAX_LEGACY_TIMEOUT_SECONDS = LEGACY_TIMEOUT_RANGE.max;

/** A timeout the user may set: whole seconds within LEGACY_TIMEOUT_RANGE. */
export function isLegacyTimeout(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= LEGACY_TIMEOUT_RANGE.min && n <= LEGACY_TIMEOUT_RANGE.max;
}
