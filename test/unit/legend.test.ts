import { describe, expect, it } from 'vitest';
import { legendIdsOfElements, legendSections, legendSvg, LEGEND } from '../../src/canvas/legend';

const ids = (...els: { kind: string; classes: string[] }[]): string[] => [...legendIdsOfElements(els)].sort();

describe('legendIdsOfElements: the one rule behind every legend', () => {
  it.each([
    { name: 'a switched network used for live migration', el: { kind: 'network', classes: ['network', 'bus', 'lm-eligible'] }, want: ['network'] },
    { name: 'an excluded network', el: { kind: 'network', classes: ['network', 'bus', 'lm-ineligible'] }, want: ['network-off'] },
    { name: 'a cable', el: { kind: 'network', classes: ['network', 'cable', 'lm-eligible'] }, want: ['cable'] },
    { name: 'an excluded cable', el: { kind: 'network', classes: ['network', 'cable', 'lm-ineligible'] }, want: ['cable', 'network-off'] },
    { name: 'a down router', el: { kind: 'router', classes: ['router', 'down'] }, want: ['down', 'router'] },
    { name: 'a router link', el: { kind: 'transit', classes: ['transit'] }, want: ['transit'] },
    { name: 'a NIC on the chosen path', el: { kind: 'nic', classes: ['nic', 'chosen'] }, want: ['chosen', 'nic'] },
    { name: 'a destination node', el: { kind: 'host', classes: ['host', 'destination'] }, want: ['source'] },
    { name: 'a source node of the compact drawing (tagged FROM)', el: { kind: 'host', classes: ['host', 'compact', 'text-125', 'source'] }, want: ['source-compact'] },
    { name: 'a site', el: { kind: 'site', classes: ['site'] }, want: [] },
    { name: 'a faded, failed line', el: { kind: 'link', classes: ['link', 'nic-link', 'dimmed', 'failed'] }, want: ['dimmed', 'failed'] },
    { name: 'a legacy attempt', el: { kind: 'network', classes: ['network', 'bus', 'lm-eligible', 'attempt'] }, want: ['attempt', 'network'] },
  ])('$name', ({ el, want }) => {
    expect(ids(el)).toEqual(want);
  });

  it('ignores classes other than kinds and states (label sides, sizes, selection)', () => {
    const plain = ids({ kind: 'network', classes: ['network', 'bus', 'lm-eligible'] }, { kind: 'nic', classes: ['nic'] });
    const extra = ids({ kind: 'network', classes: ['network', 'bus', 'lm-eligible', 'compact', 'label-below', 'selected'] }, { kind: 'nic', classes: ['nic', 'compact', 'no-address'] });
    expect(extra).toEqual(plain);
  });

  it('leaves empty sections out, on screen and in the SVG legend', () => {
    const only = new Set(['nic']);
    expect(legendSections(only).map((s) => s.title)).toEqual(['Elements']);
    expect(legendSections()).toBe(LEGEND);
    expect(legendSvg(0, 0, 600, new Set()).height).toBe(0);
    const svg = legendSvg(0, 0, 600, only).svg;
    expect(svg).toContain('NIC (a line joins it');
    expect(svg).not.toContain('MIGRATION PATH');
  });
});
