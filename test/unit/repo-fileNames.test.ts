/**
 * File names a newcomer can trust: no two product files differ only by letter case (they collide
 * on Windows' and macOS' case-insensitive file systems), and a module's name says which one it is
 * across the layers (src/engine, src/store, src/canvas, src/ui): only index.ts and types.ts, whose
 * folder says what they hold, may repeat between layers.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [relative(SRC, p).split('\\').join('/')];
  });
}

/**
 * Groups of modules whose import paths differ only by letter case: './saveState' and './SaveState'
 * resolve to the same file on a case-insensitive file system (imports name no extension, so
 * saveState.ts and SaveState.tsx collide; app.css, imported with its extension, and App.tsx do not).
 */
function caseCollisions(paths: readonly string[]): string[][] {
  const byLower = new Map<string, string[]>();
  for (const p of paths.filter((x) => /\.tsx?$/.test(x))) {
    const key = p.toLowerCase().replace(/\.tsx?$/, '');
    byLower.set(key, [...(byLower.get(key) ?? []), p]);
  }
  return [...byLower.values()].filter((g) => g.length > 1);
}

/** Module names (without extension) that stand in more than one layer, with their paths. */
function namesAcrossLayers(paths: readonly string[], allowed: ReadonlySet<string>): Record<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const p of paths.filter((x) => /\.tsx?$/.test(x) && x.includes('/'))) {
    const name = p.slice(p.lastIndexOf('/') + 1).replace(/\.tsx?$/, '');
    if (!allowed.has(name)) byName.set(name, [...(byName.get(name) ?? []), p]);
  }
  const layer = (p: string): string => p.slice(0, p.indexOf('/'));
  return Object.fromEntries([...byName].filter(([, ps]) => new Set(ps.map(layer)).size > 1));
}

describe('product file names', () => {
  const all = files(SRC);

  it('find what they look for', () => {
    expect(caseCollisions(['ui/frame/SaveState.tsx', 'ui/frame/saveState.ts', 'ui/App.tsx', 'ui/app.css'])).toEqual([['ui/frame/SaveState.tsx', 'ui/frame/saveState.ts']]);
    expect(namesAcrossLayers(['canvas/apply.ts', 'engine/edit/apply.ts', 'engine/io/index.ts', 'ui/index.ts'], new Set(['index']))).toEqual({ apply: ['canvas/apply.ts', 'engine/edit/apply.ts'] });
  });

  it('never differ only by letter case', () => {
    expect(caseCollisions(all)).toEqual([]);
  });

  it('say which module they are across the layers', () => {
    expect(namesAcrossLayers(all, new Set(['index', 'types']))).toEqual({});
  });
});
