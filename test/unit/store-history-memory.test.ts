/**
 * Issue 24: the undo history is bounded by memory, not only by its 200 steps. Every step kept its
 * document's full parse (+4.2 MB an edit with 64,000 VMs, 870 MB after 200 edits); now the store
 * keeps the parses of the last few documents only, and an older step is parsed again when undo
 * reaches it — with the same result.
 */
import { expect, it } from 'vitest';
import { createAppStore, keptParseCount } from '../../src/store/appStore';
import { generateSwitchlessMesh, spreadVms } from '../generate';

it('keeps at most 4 parses through 30 edits, and undoes every one of them exactly', () => {
  const doc = generateSwitchlessMesh(4, 'Four nodes');
  doc.vms = spreadVms(doc.nodes!, 400);
  const store = createAppStore({ document: doc });
  const { actions } = store.getState();
  const designs = [store.getState().design];
  for (let i = 0; i < 30; i++) {
    const r = actions.edit({ type: 'update-vm', id: `vm-${i + 1}`, patch: { memoryGB: 100 + i } });
    expect(r.ok).toBe(true);
    designs.push(store.getState().design);
    expect(keptParseCount()).toBeLessThanOrEqual(4);
  }
  expect(store.getState().past).toHaveLength(30);
  for (let i = 30; i > 0; i--) {
    actions.undo();
    // Parsed again where the parse was dropped: the same topology.
    expect(store.getState().design.vms).toEqual(designs[i - 1]!.vms);
    expect(keptParseCount()).toBeLessThanOrEqual(4);
  }
  expect(store.getState().document).toBe(doc);
});
