/** The words for the behaviours and for seconds, written once (src/engine/text/modeText.ts). */
import { describe, expect, it } from 'vitest';
import { formatSeconds, MODE_LABEL, MODE_TITLE, modeInSentence } from '../../src/engine';

describe('modeText', () => {
  it.each([
    [0, '0 s'],
    [20, '20 s'],
    [2.5, '2.5 s'],
    [2.25, '2.3 s'],
    [0.04, '0.0 s'],
  ])('formatSeconds(%s) is %s', (s, text) => expect(formatSeconds(s)).toBe(text));

  it('names each behaviour one way on screen, one way in a sentence and one way on a printed caption', () => {
    expect(MODE_LABEL).toEqual({ ws2025: 'Windows Server 2025', legacy: 'Legacy (2022 and earlier)' });
    expect(modeInSentence('legacy')).toBe('legacy');
    expect(modeInSentence('ws2025')).toBe('Windows Server 2025');
    expect(MODE_TITLE.legacy).toBe('Legacy (Windows Server 2022 and earlier)');
  });
});
