import { describe, expect, it } from 'vitest';
import { applyFailures, parseTopology, selectMigrationPath, type Topology, type TopologyDocument } from '../../src/engine';
import { generateTwoSiteCluster } from '../generate';
import { EXAMPLES } from '../../src/examples';
import { lookOf, onScreen } from '../../src/canvas/applyView';
import { drawNodeCanvasOnly, throughVeil } from '../../src/canvas/overlay';
import cytoscape, { type Core } from 'cytoscape';
import { VEIL } from '../../src/canvas/style';
import { buildDiagram, edgeId, type DiagramModel } from '../../src/canvas/elements';
import { computeGeometry, type Geometry, type Pos } from '../../src/canvas/geometry';
import { decorate, pathElements, plainDecorations, type Decoration } from '../../src/canvas/highlight';
import { drawnBoxes } from '../../src/canvas/hitTest';
import { autoLayout } from '../../src/canvas/diagramLayout';
import { byDecorations, MAX_COPIES, planLayer, type LayerPlan, type Look, type PlanInput } from '../../src/canvas/overlayPlan';

interface Scene {
  doc: TopologyDocument;
  t: Topology;
  model: DiagramModel;
  positions: Map<string, Pos>;
  geometry: Geometry;
}

function scene(doc: TopologyDocument): Scene {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  const model = buildDiagram(r.topology);
  const positions = autoLayout(model).positions;
  return { doc, t: r.topology, model, positions, geometry: computeGeometry(model, positions) };
}

type State = { src: string | null; dst: string | null; selected?: string[]; failed?: string[] };
const NONE: State = { src: null, dst: null };

function decorations(s: Scene, p: State): Map<string, Decoration> {
  // The pair's path on the design with the what-if failures applied, as the store computes it.
  const r = parseTopology(applyFailures(s.doc, p.failed ?? []));
  if (!r.ok) throw new Error('the failures do not parse');
  const selection = p.src && p.dst ? selectMigrationPath(r.topology, p.src, p.dst) : null;
  return decorate({ model: s.model, topology: r.topology, selection, sourceNodeId: p.src, destinationNodeId: p.dst, failed: p.failed ?? [], selectedIds: p.selected ?? [] });
}

/** Frames and ends from our own geometry (compounds: a box of their children). */
function inputs(s: Scene): Pick<PlanInput, 'frame' | 'ends'> {
  const leaf = (id: string): { x: number; y: number; w: number; h: number } | null => {
    const n = s.model.byId.get(id);
    const p = s.positions.get(id);
    if (!n || !p) return null;
    const bus = s.geometry.buses.get(id);
    return { x: bus ? bus.x : p.x, y: p.y, w: bus ? bus.w : n.w, h: n.h };
  };
  const frame = (id: string): { x: number; y: number; w: number; h: number } | null => {
    const kids = s.model.children.get(id);
    if (!kids) return leaf(id);
    const fs = kids.map(frame).filter((f): f is NonNullable<typeof f> => f !== null);
    const x1 = Math.min(...fs.map((f) => f.x - f.w / 2));
    const x2 = Math.max(...fs.map((f) => f.x + f.w / 2));
    const y1 = Math.min(...fs.map((f) => f.y - f.h / 2));
    const y2 = Math.max(...fs.map((f) => f.y + f.h / 2));
    return { x: (x1 + x2) / 2, y: (y1 + y2) / 2, w: x2 - x1, h: y2 - y1 };
  };
  return {
    frame,
    ends: (id) => {
      const e = s.model.edgeById.get(id)!;
      const a = frame(e.source);
      const b = frame(e.target);
      const ends = s.geometry.ends.get(id)!;
      // A drop's end points as the geometry draws them (vertical); other lines centre to centre.
      const line = ends.line ?? (a && b ? { source: { x: a.x, y: a.y }, target: { x: b.x, y: b.y } } : null);
      return line ? { ...line, sourceEnd: ends.source, targetEnd: ends.target } : null;
    },
  };
}

/**
 * The layer for `state` over the diagram drawn plain (with the sites' selection, as highlightScheduler.ts draws it);
 * `quick`: with the shortcut from the decorations the scheduler gives (`byDecorations`).
 */
function plan(s: Scene, state: State, boxes = false, quick = false): LayerPlan | null {
  const d = decorations(s, state);
  const plain = plainDecorations(s.model, (state.selected ?? []).filter((id) => s.model.byId.get(id)?.kind === 'site'));
  const drawn = (id: string): Look => lookOf(s.model, id, plain, s.geometry);
  return planLayer({
    model: s.model,
    look: (id) => lookOf(s.model, id, d, s.geometry),
    drawn,
    ...inputs(s),
    ...(boxes ? { boxes: () => drawnBoxes(s.model, s.positions, s.geometry).drawn } : {}),
    ...(quick ? { quick: byDecorations(d, plain, drawn) } : {}),
  });
}

const visible = (p: LayerPlan): string[] => [...p.nodes.filter((n) => !n.ghost).map((n) => n.id), ...p.edges.map((e) => e.id)].sort();
const ghosts = (p: LayerPlan): string[] => p.nodes.filter((n) => n.ghost).map((n) => n.id).sort();
const classesOf = (p: LayerPlan, id: string): string[] => ([...p.nodes, ...p.edges].find((x) => x.id === id)?.classes ?? '').split(' ');
const example = (id: string): Scene => scene(EXAMPLES.find((e) => e.id === id)!.document);

describe('planLayer: the highlight drawn over the plain diagram', () => {
  it.each(EXAMPLES.map((e) => [e.id, e]))('%s: a pair draws the veil, the chosen path, both hosts with their NICs and lines, every edge with its ends', (_id, ex) => {
    const s = scene(ex.document);
    const [src, dst] = ex.pair;
    const p = plan(s, { src, dst, selected: [dst] })!;
    expect(p.veil).toBe(true);
    const chosen = selectMigrationPath(s.t, src, dst).chosen!;
    // The chosen path's look: chosen, or (1.2) idle where SMB Multichannel sends the memory over other pairs.
    const look = ex.id === 'smb-multichannel' ? 'idle' : 'chosen';
    for (const id of pathElements(s.t, chosen)) expect(classesOf(p, id), id).toContain(look);
    expect(classesOf(p, src)).toContain('source');
    expect(classesOf(p, dst)).toEqual(expect.arrayContaining(['destination', 'selected']));
    for (const host of [src, dst])
      for (const nic of s.model.children.get(host)!) {
        expect(visible(p), nic).toContain(nic);
        for (const e of s.model.edges.filter((x) => x.source === nic)) expect(visible(p), e.id).toContain(e.id);
      }
    const all = p.nodes.map((n) => n.id);
    for (const e of p.edges) expect(all).toEqual(expect.arrayContaining([e.source, e.target]));
    // Sites, which never fade, are drawn as frames over the veil.
    for (const site of s.model.nodes.filter((n) => n.kind === 'site')) expect(visible(p)).toContain(site.id);
    // Nothing only faded is copied: every visible copy is lit, a lit host's NIC or line, a site, or covers a lit line.
    const d = decorations(s, { src, dst, selected: [dst] });
    const faded = visible(p).filter((id) => d.get(id)?.classes.split(' ').includes('dimmed'));
    for (const id of faded) {
      const n = s.model.byId.get(id);
      const inLitHost = n?.kind === 'nic' && (n.parent === src || n.parent === dst);
      const lineOfLitHost = s.model.edgeById.has(id) && [src, dst].includes(s.model.byId.get(s.model.edgeById.get(id)!.source)?.parent ?? '');
      const bar = n?.kind === 'network' || n?.kind === 'router' || n?.kind === 'transit';
      expect(inLitHost || lineOfLitHost || bar, id).toBe(true);
    }
  });

  it('switched 4-node, n1 → n3: exactly the two hosts, their six NICs and six drops, both storage bars and the management bar the drops pass behind', () => {
    const s = example('switched-4-node');
    const p = plan(s, { src: 'n1', dst: 'n3' })!;
    const drops = ['n1-mgmt', 'n1-s1', 'n1-s2', 'n3-mgmt', 'n3-s1', 'n3-s2'].map((nic) => edgeId(nic, nic.endsWith('mgmt') ? 'mgmt' : nic.endsWith('s1') ? 'storage-1' : 'storage-2'));
    expect(visible(p)).toEqual(['mgmt', 'n1', 'n1-mgmt', 'n1-s1', 'n1-s2', 'n3', 'n3-mgmt', 'n3-s1', 'n3-s2', 'storage-1', 'storage-2', ...drops].sort());
    expect(ghosts(p)).toEqual([]);
    // n1's NICs are above the bars (y 0), mgmt is the first bar below them (y 87): n1-s1's and n1-s2's drops pass behind it.
    expect(classesOf(p, 'mgmt')).toContain('dimmed');
    expect(classesOf(p, 'storage-1')).toContain('chosen');
    expect(classesOf(p, 'storage-2')).toContain('fallback');
    expect(classesOf(p, 'n1-mgmt')).toContain('dimmed'); // the source's other NICs are faded, as on the diagram before
    expect(p.nodes.find((n) => n.id === 'n1')!.compound).toBe(true);
  });

  it.each([
    ['nothing picked', NONE],
    ['a cleared pair with the destination still selected', { src: null, dst: null, selected: ['n3'] }],
  ] as [string, State][])('%s: %s — no veil', (what, state) => {
    const s = example('switched-4-node');
    const p = plan(s, state)!;
    expect(p.veil).toBe(false);
    if (what === 'nothing picked') expect(p.nodes.length + p.edges.length).toBe(0);
    else expect(visible(p)).toEqual(['n3', 'n3-mgmt', 'n3-s1', 'n3-s2', edgeId('n3-mgmt', 'mgmt'), edgeId('n3-s1', 'storage-1'), edgeId('n3-s2', 'storage-2')].sort());
  });

  it('a what-if: the failed network and its drops are drawn failed; the drops of hosts not lit end on stand-ins', () => {
    const s = example('switched-4-node');
    const p = plan(s, { src: 'n1', dst: 'n3', failed: ['storage-1'] })!;
    expect(classesOf(p, 'storage-1')).toContain('failed');
    for (const nic of ['n1-s1', 'n2-s1', 'n3-s1', 'n4-s1']) expect(classesOf(p, edgeId(nic, 'storage-1')), nic).toContain('failed');
    expect(ghosts(p)).toEqual(expect.arrayContaining(['n2-s1', 'n4-s1']));
    expect(visible(p)).not.toContain('n2-s1');
    // The path moved to storage-2.
    expect(classesOf(p, 'storage-2')).toContain('chosen');
  });

  it("a site's selection is the diagram's: nothing is drawn for it", () => {
    const s = example('two-site-routed');
    expect(plan(s, { src: null, dst: null, selected: [s.t.sites[0]!.id] })).toEqual({ veil: false, nodes: [], edges: [] });
  });

  it('draws again the bars a lit drop passes behind, as they are drawn (faded)', () => {
    const s = scene(generateTwoSiteCluster({ nodesPerSite: 4, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 1 }));
    const p = plan(s, { src: 'a01', dst: 'a02' })!;
    const d = decorations(s, { src: 'a01', dst: 'a02' });
    const covering = p.nodes.filter((n) => !n.ghost && s.model.byId.get(n.id)!.kind === 'network' && d.get(n.id)!.classes.split(' ').includes('dimmed'));
    expect(covering.length).toBeGreaterThan(0);
    // The same plan whether the drawn boxes are given or derived.
    expect(visible(plan(s, { src: 'a01', dst: 'a02' }, true)!)).toEqual(visible(p));
  });

  it('the first pick on 64 nodes (compact): the source with its FROM line, its NICs and drops, the two sites — no fading copied', () => {
    const big = scene(generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 }));
    const p = plan(big, { src: 'a01', dst: null })!;
    expect(p.veil).toBe(true);
    expect(big.model.metrics.kind).toBe('compact');
    const source = p.nodes.find((n) => n.id === 'a01')!;
    expect(source.label).toBe('FROM\nHV-A01');
    const nics = big.model.children.get('a01')!;
    const sites = big.model.nodes.filter((n) => n.kind === 'site').map((n) => n.id);
    const copied = visible(p).filter((id) => big.model.byId.get(id)?.kind !== 'network');
    expect(copied).toEqual([...sites, 'a01', ...nics, ...big.model.edges.filter((e) => nics.includes(e.source)).map((e) => e.id)].sort());
  });

  // The shortcut only saves work: every plan comes out the same with it (issue 25, frames).
  it.each([
    ...EXAMPLES.flatMap((e): [string, string, State][] => [
      [e.id, 'a pair, the destination selected', { src: e.pair[0], dst: e.pair[1], selected: [e.pair[1]] }],
      [e.id, 'the source alone', { src: e.pair[0], dst: null }],
      [e.id, 'nothing picked, a node selected', { src: null, dst: null, selected: [e.pair[1]] }],
    ]),
    ['switched-4-node', 'a what-if', { src: 'n1', dst: 'n3', failed: ['storage-1'] }],
    ['switched-4-node', 'a what-if without a pair', { src: null, dst: null, failed: ['storage-1'] }],
    ['two-site-routed', "a site's selection", { src: null, dst: null, selected: ['__site0'] }],
  ] as [string, string, State][])('%s, %s: the same plan with the shortcut from the decorations', (id, _what, state) => {
    const s = example(id);
    const st = { ...state, selected: state.selected?.map((x) => (x === '__site0' ? s.t.sites[0]!.id : x)) };
    const p = plan(s, st, false, true);
    expect(p).toEqual(plan(s, st));
  });

  it('64 nodes, 8 NICs: the same plans with the shortcut (a pick, a what-if, the source alone)', () => {
    const big = scene(generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 }));
    const states: State[] = [{ src: 'a03', dst: null }, { src: 'a03', dst: 'b07', selected: ['b07'] }];
    const net = plan(big, states[1]!)!.nodes.find((n) => n.kind === 'network' && n.classes.split(' ').includes('chosen'))!.id;
    states.push({ src: 'a03', dst: 'b07', selected: ['b07'], failed: [net] });
    const plain = plainDecorations(big.model, []);
    for (const st of states) {
      const p = plan(big, st, true, true)!;
      expect(p.nodes.length).toBeGreaterThan(0);
      expect(p).toEqual(plan(big, st, true));
      // It answers for almost every element (all but the lit ones).
      const quick = byDecorations(decorations(big, st), plain, (id) => lookOf(big.model, id, plain, big.geometry));
      const answered = [...big.model.nodes, ...big.model.edges].filter((x) => quick(x.id) !== null).length;
      expect(answered).toBeGreaterThan(big.model.nodes.length + big.model.edges.length - 150);
    }
  });

  it('refuses more copies than the layer is worth: the diagram draws the highlight itself', () => {
    const big = scene(generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 5, routersPerSite: 2 }));
    const plainLook = (id: string): Look => ({ classes: (big.model.byId.get(id)?.classes ?? big.model.edgeById.get(id)!.classes).join(' '), label: big.model.byId.get(id)?.lines.join('\n') ?? '' });
    const lighting = (lit: (id: string) => boolean): PlanInput => ({ model: big.model, look: (id) => (lit(id) ? { ...plainLook(id), classes: `${plainLook(id).classes} failed` } : plainLook(id)), drawn: plainLook, ...inputs(big) });
    // 64 × 8 NICs: 512 copies, within the limit; with their 512 drops (and the bars at their ends), beyond it.
    const nics = big.model.nodes.filter((n) => n.kind === 'nic').length;
    expect(nics).toBe(512);
    expect(nics).toBeLessThanOrEqual(MAX_COPIES);
    expect(planLayer(lighting((id) => big.model.byId.get(id)?.kind === 'nic'))!.nodes).toHaveLength(512);
    expect(planLayer(lighting((id) => big.model.byId.get(id)?.kind === 'nic' || big.model.edgeById.has(id)))).toBeNull();
  });
});

describe('the layer on screen', () => {
  it.each([
    ['a compact node with no tag, label above its box', '\u00a0\nHV-A02', '\u200b\nHV-A02'],
    ['a compact node with no tag, label below its box', 'HV-A05\n\u00a0', 'HV-A05\n\u200b'],
    ['a tagged node: unchanged', 'FROM\nHV-A01', 'FROM\nHV-A01'],
    ['a no-break space inside a line: unchanged', 'HV01 (3\u00a0VMs)', 'HV01 (3\u00a0VMs)'],
  ])('onScreen: %s', (_what, label, want) => {
    // cytoscape trims a label's leading and trailing white space (no-break spaces too), not a zero-width space.
    expect(onScreen(label)).toBe(want);
    expect(onScreen(label).trim()).toBe(want);
  });

  it('the ground of a host name seen through the veil: the site fill mixed towards white by VEIL', () => {
    // #f1f4f8 at 0.62 towards #ffffff: 241 + 0.62 × 14 = 249.7, 244 + 0.62 × 11 = 250.8, 248 + 0.62 × 7 = 252.3.
    expect(VEIL).toBe(0.62);
    expect(throughVeil('#f1f4f8', '#ffffff', VEIL)).toBe('#fafbfc');
    expect(throughVeil('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});

describe('drawNodeCanvasOnly: the layer marks only its node canvas for drawing', () => {
  it("drops the drag and selection-box canvases' hints and passes the others on, to the renderer itself", () => {
    const seen: string[] = [];
    const renderer = {
      name: 'r',
      redrawHint(this: { name: string }, group: string, on: boolean) {
        seen.push(`${this.name}:${group}:${on}`);
      },
    };
    const cy = { renderer: () => renderer } as unknown as Core;
    expect(drawNodeCanvasOnly(cy)).toBe(true);
    for (const g of ['eles', 'drag', 'select', 'gc']) renderer.redrawHint(g, true);
    expect(seen).toEqual(['r:eles:true', 'r:gc:true']);
  });

  it('headless (no renderer that hints): nothing changed', () => {
    const cy = cytoscape({ headless: true });
    expect(drawNodeCanvasOnly(cy)).toBe(false);
    cy.destroy();
  });
});
