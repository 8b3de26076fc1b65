/**
 * The legacy connection timeout the user may set (seconds): its bounds, defined once for the
 * store, the autosave and the input field. The default is the selection's (./select.ts).
 */
export const MAX_LEGACY_TIMEOUT_SECONDS = 3600;

/** A timeout the user may set: a finite number of seconds from 0 to MAX_LEGACY_TIMEOUT_SECONDS. */
export function isLegacyTimeout(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_LEGACY_TIMEOUT_SECONDS;
}
