/** The report and Details show an inventory's collection time as a date, not as round-trip text (issue 27). */
import { describe, expect, it } from 'vitest';
import { formatCollectedAt } from '../../src/engine/text/originText';

describe('formatCollectedAt', () => {
  it.each([
    ['2025-03-14T09:26:53.5897932+01:00', '14 March 2025, 09:26 (UTC+01:00)'],
    ['2026-11-21T14:02:07.5550001Z', '21 November 2026, 14:02 (UTC)'],
    ['2025-05-05T10:00:00.0000000+00:00', '5 May 2025, 10:00 (UTC)'],
    ['2025-12-31T23:59:00-0500', '31 December 2025, 23:59 (UTC-05:00)'],
    ['2025-01-02 08:05', '2 January 2025, 08:05'],
    ['/Date(1741940813589)/', '14 March 2025, 08:26 (UTC)'],
    ['last Tuesday', 'last Tuesday'],
    ['2025-13-01T00:00:00Z', '2025-13-01T00:00:00Z'],
  ])('%s → %s', (text, shown) => expect(formatCollectedAt(text)).toBe(shown));
});
