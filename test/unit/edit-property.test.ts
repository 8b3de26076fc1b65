/** Random sequences of designer edits never leave an invalid or dangling document, nor colliding addresses. */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { EXAMPLES } from '../../src/examples';
import { dangling, empty, hostAddresses, materialize, recipeArb, topologyOf } from './edit-support';

const starts: TopologyDocument[] = [empty(), ...EXAMPLES.slice(0, 3).map((e) => e.document)];

test.prop([fc.nat(starts.length - 1), fc.array(recipeArb, { minLength: 1, maxLength: 25 })], { numRuns: 60 })(
  'every accepted edit gives a valid document with nothing dangling and no address used twice',
  (start, recipes) => {
    let doc = starts[start]!;
    for (const recipe of recipes) {
      const edit = materialize(doc, recipe);
      const r = applyEdit(doc, edit);
      if (!r.ok) {
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.errors.every((e) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
        continue;
      }
      topologyOf(r.document); // throws when invalid
      expect(dangling(r.document), JSON.stringify(edit)).toEqual([]);
      const hosts = hostAddresses(r.document);
      expect(new Set(hosts).size).toBe(hosts.length);
      doc = r.document;
    }
  },
);
