/**
 * What a first visit downloads (issue 16): the entry, the chunks index.html preloads and the
 * diagram's chunk the entry fetches at boot hold none of the code a first visit does not show —
 * each marker (a text only that code has) is in a chunk loaded on demand, and in none of those.
 * Sizes are printed by `npm run bench`; this checks where the code is, which a change of imports
 * can undo silently (an engine barrel re-export once put the inventory parser in the first chunk).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = process.env.E2E_DIST ?? 'dist';

const MARKERS: [string, string][] = [
  ['the inventory parser', 'The topology built from this inventory is not valid'],
  ['the compression library of share links (fflate)', 'invalid zip data'],
  ['the design report', '<h2>Diagnostics</h2>'],
  ['the PowerShell script', '# Networks excluded from live migration'],
  ['the path test script and its reader', 'LM Path Visualizer - path test'],
  ['the history script and its reader', 'LM Path Visualizer - live migration history'],
  ['the past migrations view', 'with a duration not used for the calibration'],
  ['the draw.io export', '<mxfile'],
  ['the All pairs tab', 'The matrix needs at least two nodes.'],
  ['the Maintenance tab', 'Nothing is live migrated in this mode.'],
];

describe('the first visit', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const all = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js') && !f.includes('worker')).map((f) => `assets/${f}`);
  const diagram = all.filter((f) => /\/GraphView-/.test(f));
  const text = new Map(all.map((f) => [f, readFileSync(join(DIST, f), 'utf8')]));
  const firstVisit = new Set([...initial, ...diagram]);

  it('loads an entry, its preloads and the diagram', () => {
    expect(initial.length).toBeGreaterThan(1);
    expect(diagram).toHaveLength(1);
    expect(initial.every((f) => text.has(f))).toBe(true);
  });

  it.each(MARKERS)('leaves %s to be loaded on demand', (_what, marker) => {
    const holders = all.filter((f) => text.get(f)!.includes(marker));
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.filter((f) => firstVisit.has(f))).toEqual([]);
  });
});
