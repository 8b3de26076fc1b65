/**
 * Hovering a bar of the planner's timeline previews its pair (`previewPair`, with the plan's mode).
 * The diagram then lights the pair's selection: its chosen path, and with SMB every stream
 * (`streamsOf`). A bar's streams are `streamsOf` of the same pair, mode, timeout and topology
 * (planDrain on the effective topology, as usePlans asks for it), so the pair highlight lights
 * exactly that migration's streams — checked here for every migration of every drain of every
 * example, in every transport, with and without a what-if failure (decision 90).
 */
import { describe, expect, it } from 'vitest';
import { createViewDeriver } from '../../src/canvas/viewDeriver';
import { planDrain, streamsOf, timelineLanes, type Mode, type Stream, type TopologyDocument, type Transport } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { createAppStore } from '../../src/store/appStore';
import { activeSelection } from '../../src/store/derived';

const TRANSPORTS: Transport[] = ['tcpip', 'compression', 'smb'];
const withTransport = (doc: TopologyDocument, transport: Transport): TopologyDocument => ({ ...doc, liveMigration: { ...doc.liveMigration, transport } });
const nicsOf = (streams: readonly Stream[]): string[] => [...new Set(streams.flatMap((s) => [s.sourceNicId, s.destinationNicId]))].sort();

describe('a timeline bar lights exactly its migration’s streams', () => {
  for (const example of EXAMPLES)
    for (const transport of TRANSPORTS)
      it(`${example.id}, ${transport}`, () => {
        const store = createAppStore({ document: withTransport(example.document, transport), pair: example.pair });
        const derive = createViewDeriver();
        let checked = 0;
        let multi = 0;
        const run = (): void => {
          const { effective: t, ui } = store.getState();
          for (const node of t.nodes) {
            for (const mode of ['ws2025', 'legacy'] as Mode[]) {
              const plan = planDrain(t, node.id, mode === 'legacy' ? { mode, legacyTimeoutSeconds: ui.legacyTimeoutSeconds } : { mode });
              // The bars: every migration that held a slot (an off VM has none, and lights nothing).
              for (const m of timelineLanes(plan).flat()) {
                if (m.destinationNodeId === null) continue; // no bar to preview from (DrainTimeline)
                store.getState().actions.previewPair({ sourceNodeId: plan.sourceNodeId, destinationNodeId: m.destinationNodeId, mode });
                const s = store.getState();
                const selection = activeSelection(s)!;
                // The pair highlight's streams are the bar's streams…
                expect(streamsOf(s.effective, selection)).toEqual(m.streams);
                // …and the NICs the diagram lights as chosen are the streams' NICs, no more, no fewer.
                const { model, decorations } = derive(s);
                const lit = model.nodes.filter((n) => n.kind === 'nic' && decorations.get(n.id)?.classes.split(' ').includes('chosen')).map((n) => n.id).sort();
                expect(lit).toEqual(nicsOf(m.streams));
                checked++;
                if (m.streams.length > 1) multi++;
              }
            }
          }
          store.getState().actions.previewPair(null);
        };
        run();
        // A what-if failure: the first network of the preference order. Plans and highlight both
        // read the effective topology, so they still agree.
        const net = store.getState().design.preferenceOrder[0];
        if (net !== undefined) {
          store.getState().actions.toggleFailed(net);
          run();
        }
        expect(store.getState().ui.sourceNodeId).toBe(example.pair[0]); // the preview put the pair back
        expect(checked).toBeGreaterThan(0);
        // SMB Multichannel gives some pairs several streams: the check covered more than the chosen path.
        if (transport === 'smb' && example.id === 'switched-4-node') expect(multi).toBeGreaterThan(0);
        else if (transport !== 'smb') expect(multi).toBe(0);
      });
});
