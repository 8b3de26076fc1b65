/** What a drain timeline bar shows of its VM's name (issue 27: never a cut "VM0" on every bar). */
import { describe, expect, it } from 'vitest';
import { barName, commonPrefixLength } from '../../src/ui/maintenance/DrainTimeline';

describe('barName', () => {
  const names = Array.from({ length: 12 }, (_, i) => `VM${String(i + 1).padStart(2, '0')}`);
  const common = commonPrefixLength(names);
  it('finds the prefix the names share', () => {
    expect(common).toBe(2);
    expect(commonPrefixLength(['SQL01', 'APP01'])).toBe(0);
    expect(commonPrefixLength(['VM01'])).toBe(0);
  });
  it.each([
    [null, 'VM07'], // not measured: the whole name
    [200, 'VM07'],
    [36, 'VM07'],
    [30, '07'], // the part that tells the bars apart
    [22, '07'],
    [15, ''], // no room: nothing, never "VM0" or "0"
  ])('a bar %s px wide shows "%s"', (width, shown) => expect(barName('VM07', common, width)).toBe(shown));
  it('a name that shares nothing with the others is shown whole or not at all', () => {
    expect(barName('SQL01', 0, 20)).toBe('');
    expect(barName('SQL01', 0, 60)).toBe('SQL01');
  });
});
