import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopology, type Topology } from '../../src/engine';

export const fixturePath = (name: string): string => join(__dirname, '..', 'fixtures', name);
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(fixturePath(name), 'utf8'));

/** Parses a document that must be valid; fails the test with the parser's errors otherwise. */
export function load(doc: unknown): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(`expected a valid topology, got: ${JSON.stringify(r.errors, null, 2)}`);
  return r.topology;
}
export const loadFixture = (name: string): Topology => load(readFixture(name));
