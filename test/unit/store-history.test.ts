/** Property: any sequence of edits, undone step by step, gives back the exact starting topology; redo replays it. */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { empty, materialize, recipeArb } from './edit-support';

const starts: TopologyDocument[] = [empty(), ...EXAMPLES.slice(0, 3).map((e) => e.document)];

test.prop([fc.nat(starts.length - 1), fc.array(recipeArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(3), { maxLength: 30 })], { numRuns: 60 })(
  'undoing every edit restores the starting document (same object, same content); redo replays to the end',
  (start, recipes, uiNoise) => {
    const initial = starts[start]!;
    const snapshot = structuredClone(initial);
    const store = createAppStore({ document: initial });
    const { actions } = store.getState();
    let steps = 0;
    recipes.forEach((recipe, i) => {
      const before = store.getState().document;
      const r = actions.edit(materialize(before, recipe));
      if (r.ok && store.getState().document !== before) steps++;
      if (!r.ok) expect(store.getState().document).toBe(before);
      // Selection, tool and what-if changes in between are not undo steps.
      const noise = uiNoise[i];
      if (noise === 0) actions.select(store.getState().design.nodes.slice(0, 2).map((n) => n.id));
      if (noise === 1) actions.setTool('connect');
      if (noise === 2 && store.getState().design.nodes[0]) actions.toggleFailed(store.getState().design.nodes[0]!.id);
    });
    const end = store.getState().document;
    expect(store.getState().past).toHaveLength(steps);
    for (let i = 0; i < steps; i++) actions.undo();
    expect(store.getState().document).toBe(initial);
    expect(store.getState().document).toEqual(snapshot);
    expect(store.getState().past).toEqual([]);
    for (let i = 0; i < steps; i++) actions.redo();
    expect(store.getState().document).toBe(end);
  },
);
