/**
 * Citations a maintainer can follow: every "decision NNN" (or "decisions 180–184", "decisions 145
 * and 149", "Superseded by NNN") written in src/, bench/, docs/, test/ or README.md names a numbered decision that
 * docs/DECISIONS.md has, and DECISIONS.md's index lists each of its decisions once, under the
 * section it stands in; in src/, a pointer to DECISIONS.md says which decision. A decision that a later one replaces keeps its number (it is marked
 * superseded or removed, and numbers are never reused), so a citation of a removed one is stale.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DECISIONS = readFileSync(join(ROOT, 'docs', 'DECISIONS.md'), 'utf8');
const TEXT = /\.(ts|tsx|js|mjs|cjs|md|ps1|css|html)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? files(p) : TEXT.test(name) ? [p] : [];
  });
}

/** "12", "180–184" (en dash or hyphen): the numbers it stands for. */
function expand(part: string): number[] {
  const [from, to = from] = part.split(/\s*[–-]\s*/).map(Number);
  return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
}

const CITATION = /\b(?:decisions?|superseded(?: in part)? by)\s+(\d+(?:\s*[–-]\s*\d+)?(?:(?:,\s*|\s+and\s+|\s+or\s+|\/)\d+(?:\s*[–-]\s*\d+)?)*)/gi;

/** Every decision number a text cites, with its line. */
function citations(text: string): { line: number; numbers: number[] }[] {
  return [...text.matchAll(CITATION)].map((m) => ({
    line: text.slice(0, m.index).split('\n').length,
    numbers: m[1]!.split(/,\s*|\s+and\s+|\s+or\s+|\//).flatMap(expand),
  }));
}

/** The numbers of DECISIONS.md's entries: lines that start with "NNN. " (an entry's own lists are indented). */
function numbered(text: string): number[] {
  return [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
}

/** The index: each section's title with the numbers listed for it. */
function index(text: string): Map<string, number[]> {
  const part = text.slice(text.indexOf('## Index'), text.indexOf('\n## ', text.indexOf('## Index') + 1));
  return new Map([...part.matchAll(/\[([^\]]+)\]\(#[^)]*\):\s*(.+)$/gm)].map((m) => [m[1]!, m[2]!.split(/,\s*/).flatMap(expand)]));
}

/** The numbers that stand under each "### " section of the text. */
function bySection(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let section = '';
  for (const line of text.split('\n')) {
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading) section = line.startsWith('### ') ? heading[1]!.trim() : '';
    const n = /^(\d+)\. /.exec(line);
    if (n) out.set(section, [...(out.get(section) ?? []), Number(n[1])]);
  }
  return out;
}

describe('decision citations', () => {
  it('find what they look for', () => {
    const text = 'one (decision 4)\nsee decisions 145 and 149, Decisions 180–182 or 7/9\nand decision\n12-13; not a decision, 5 ways\n*Superseded in part by 305 and 307:* x; *Superseded by 50*';
    expect(citations(text)).toEqual([
      { line: 1, numbers: [4] },
      { line: 2, numbers: [145, 149] },
      { line: 2, numbers: [180, 181, 182, 7, 9] },
      { line: 3, numbers: [12, 13] },
      { line: 5, numbers: [305, 307] },
      { line: 5, numbers: [50] },
    ]);
    expect(numbered('1. **A**\n   2. nested\n12. **B**\n')).toEqual([1, 12]);
  });

  it('name decisions that docs/DECISIONS.md has', () => {
    const known = new Set(numbered(DECISIONS));
    const self = join(__dirname, 'repo-decisionCitations.test.ts');
    const paths = [...['src', 'bench', 'docs', 'test'].flatMap((d) => files(join(ROOT, d))), join(ROOT, 'README.md')].filter((p) => p !== self);
    const stale = paths.flatMap((p) =>
      citations(readFileSync(p, 'utf8')).flatMap(({ line, numbers }) => numbers.filter((n) => !known.has(n)).map((n) => `${relative(ROOT, p)}:${line}: decision ${n}`)),
    );
    expect(paths.length).toBeGreaterThan(100);
    expect(stale).toEqual([]);
  });

  it('in src/, a pointer to docs/DECISIONS.md names the decision (its sections by issue are gone)', () => {
    const vague = files(join(ROOT, 'src')).flatMap((p) =>
      readFileSync(p, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.includes('DECISIONS.md') && citations(line).length === 0 ? [`${relative(ROOT, p)}:${i + 1}`] : [])),
    );
    expect(vague).toEqual([]);
  });

  it('DECISIONS.md numbers each decision once and its index lists each under its section', () => {
    const all = numbered(DECISIONS);
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
    const sections = bySection(DECISIONS);
    const listed = index(DECISIONS);
    expect(listed.size).toBeGreaterThan(10);
    for (const [title, numbers] of listed) expect([title, [...(sections.get(title) ?? [])].sort((a, b) => a - b)]).toEqual([title, [...numbers].sort((a, b) => a - b)]);
    // No numbered decision outside an indexed section (the helpers' unnumbered entries at the end are filed by the lead).
    expect([...sections.keys()].filter((t) => !listed.has(t))).toEqual([]);
  });
});
