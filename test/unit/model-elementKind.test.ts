/** What kind an id names: one function (src/engine/model/elementKind.ts) for the designer, details, what-if and the store. */
import { describe, expect, it } from 'vitest';
import { elementKind, failableKind, type TopologyDocument } from '../../src/engine';
import { load, readFixture } from './helpers';

const doc = () => readFixture('two-site-routed.json') as TopologyDocument;

describe('elementKind', () => {
  const t = load(doc());
  it.each([
    ['site-a', 'site'],
    ['n1', 'node'],
    ['n1-lm', 'nic'],
    ['lm-a', 'network'],
    ['ra', 'router'],
    ['nowhere', null],
    ['', null],
  ] as const)('%s is a %s', (id, kind) => {
    expect(elementKind(t, id)).toBe(kind);
  });

  it('is the same answer failableKind gives for every declared element but sites', () => {
    const d = doc();
    for (const id of [...d.nodes!, ...d.nics!, ...d.networks!, ...d.routers!, ...(d.sites ?? [])].map((e) => e.id)) {
      const k = elementKind(t, id);
      expect(failableKind(d, id)).toBe(k === 'site' ? null : k);
    }
  });
});
