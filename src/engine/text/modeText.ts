/**
 * The words for the two behaviours and for seconds, once for every screen and file. The toolbar,
 * the panels and the planner say MODE_LABEL; a sentence says modeInSentence; a printed caption,
 * read without the app's toolbar beside it, names the Windows release in full (MODE_TITLE).
 */
import type { Mode } from '../model/types';

export const MODE_LABEL: Record<Mode, string> = { ws2025: 'Windows Server 2025', legacy: 'Legacy (2022 and earlier)' };

/** A caption on an exported diagram or document, where the app's toolbar is not there to explain "legacy". */
export const MODE_TITLE: Record<Mode, string> = { ws2025: 'Windows Server 2025', legacy: 'Legacy (Windows Server 2022 and earlier)' };

/** Inside a sentence: "n1 → n2, legacy". */
export const modeInSentence = (mode: Mode): string => (mode === 'ws2025' ? 'Windows Server 2025' : 'legacy');

/** Seconds as people read them: whole numbers stay whole, fractions keep one decimal. */
export function formatSeconds(s: number): string {
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
