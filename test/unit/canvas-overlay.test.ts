import { describe, expect, it } from 'vitest';
import { parseTopology, selectMigrationPath, type Topology, type TopologyDocument } from '../../src/engine';
import { generateTwoSiteCluster } from '../generate';
import { EXAMPLES } from '../../src/examples';
import { lookOf } from '../../src/canvas/applyView';
import { buildDiagram, type DiagramModel } from '../../src/canvas/elements';
import { computeGeometry, type Geometry, type Pos } from '../../src/canvas/geometry';
import { decorate, pathElements, type Decoration } from '../../src/canvas/highlight';
import { drawnBoxes } from '../../src/canvas/hitTest';
import { autoLayout } from '../../src/canvas/diagramLayout';
import { MAX_CHANGES, planOverlay, type Look, type OverlayPlan, type PlanInput } from '../../src/canvas/overlayPlan';

interface Scene {
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
  return { t: r.topology, model, positions, geometry: computeGeometry(model, positions) };
}

type Pair = { src: string | null; dst: string | null; selected?: string[]; failed?: string[] };

function looks(s: Scene, p: Pair): Map<string, Look> {
  const selection = p.src && p.dst ? selectMigrationPath(s.t, p.src, p.dst) : null;
  const d: Map<string, Decoration> = decorate({ model: s.model, topology: s.t, selection, sourceNodeId: p.src, destinationNodeId: p.dst, failed: p.failed ?? [], selectedIds: p.selected ?? [] });
  const out = new Map<string, Look>();
  for (const id of [...s.model.byId.keys(), ...s.model.edgeById.keys()]) out.set(id, lookOf(s.model, id, d, s.geometry));
  return out;
}

/** The plan from the drawn pair to the next one, with frames and ends from our own geometry. */
function plan(s: Scene, from: Pair, to: Pair, boxes = false): OverlayPlan | null {
  const drawn = looks(s, from);
  const next = looks(s, to);
  const changed = [...next.keys()].filter((id) => next.get(id)!.classes !== drawn.get(id)!.classes || next.get(id)!.label !== drawn.get(id)!.label);
  const frame: PlanInput['frame'] = (id) => {
    const n = s.model.byId.get(id);
    const p = s.positions.get(id);
    if (!n || !p) return null; // compounds: not needed by these cases unless a host changes
    const bus = s.geometry.buses.get(id);
    return { x: bus ? bus.x : p.x, y: p.y, w: bus ? bus.w : n.w, h: n.h };
  };
  const hostFrame = { x: 0, y: 0, w: 100, h: 50 };
  return planOverlay({
    model: s.model,
    changed,
    drawn: (id) => drawn.get(id) ?? null,
    next: (id) => next.get(id)!,
    frame: (id) => frame(id) ?? (s.model.byId.get(id)?.kind === 'host' ? hostFrame : null),
    ends: (id) => {
      const e = s.model.edgeById.get(id)!;
      const a = frame(e.source);
      const b = frame(e.target);
      const ends = s.geometry.ends.get(id)!;
      return a && b ? { source: { x: a.x, y: a.y }, target: { x: b.x, y: b.y }, sourceEnd: ends.source, targetEnd: ends.target } : null;
    },
    ...(boxes ? { boxes: drawnBoxes(s.model, s.positions, s.geometry).drawn } : {}),
  });
}

const ids = (p: OverlayPlan): string[] => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)];
const classesOf = (p: OverlayPlan, id: string): string[] => ([...p.nodes, ...p.edges].find((x) => x.id === id)?.classes ?? '').split(' ');

describe('planOverlay: what a completed pair paints over the diagram', () => {
  it.each(EXAMPLES.map((e) => [e.id, e]))('%s: picking the destination paints the whole chosen path with its new look', (_id, ex) => {
    const s = scene(ex.document);
    const [src, dst] = ex.pair;
    const p = plan(s, { src, dst: null, selected: [src] }, { src, dst, selected: [dst] });
    expect(p).not.toBeNull();
    const chosen = selectMigrationPath(s.t, src, dst).chosen!;
    // The chosen path's new look: chosen, or (1.2) idle where SMB Multichannel sends the memory over other pairs.
    const look = s.t.liveMigration.transport === 'smb' && ex.id === 'smb-multichannel' ? 'idle' : 'chosen';
    for (const id of pathElements(s.t, chosen)) {
      expect(ids(p!), id).toContain(id);
      expect(classesOf(p!, id), id).toContain(look);
    }
    expect(classesOf(p!, dst)).toContain('destination');
    // Every edge painted has both its ends painted too.
    for (const e of p!.edges) expect(ids(p!)).toEqual(expect.arrayContaining([e.source, e.target]));
    // Hosts come first: their boxes are painted under the NICs.
    const kinds = p!.nodes.map((n) => s.model.byId.get(n.id)!.kind);
    expect(kinds.indexOf('host')).toBe(0);
    expect(kinds.lastIndexOf('host')).toBeLessThan(kinds.findIndex((k) => k !== 'host'));
  });

  it('leaves the selection underlay to the diagram: the clicked host is painted unselected, the source keeps its own', () => {
    const ex = EXAMPLES.find((e) => e.id === 'switched-4-node')!;
    const s = scene(ex.document);
    const [src, dst] = ex.pair;
    const p = plan(s, { src, dst: null, selected: [src] }, { src, dst, selected: [dst] })!;
    expect(classesOf(p, dst)).not.toContain('selected');
    expect(ids(p)).not.toContain(src); // changed only in its selection
  });

  it("leaves the source's other NICs to fade with the diagram (they only fade)", () => {
    const ex = EXAMPLES.find((e) => e.id === 'switched-4-node')!;
    const s = scene(ex.document);
    const [src, dst] = ex.pair;
    const from = { src, dst: null };
    const to = { src, dst };
    const p = plan(s, from, to)!;
    const nics = s.model.children.get(src)!;
    const fading = nics.filter((id) => !looks(s, from).get(id)!.classes.includes('dimmed') && looks(s, to).get(id)!.classes.includes('dimmed'));
    expect(fading.length).toBeGreaterThan(0);
    for (const id of fading) expect(ids(p), id).not.toContain(id);
  });

  it('paints again the bars a highlighted drop passes behind, as they are drawn', () => {
    const s = scene(generateTwoSiteCluster({ nodesPerSite: 4, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 1 }));
    const from = { src: 'a01', dst: null };
    const p = plan(s, from, { src: 'a01', dst: 'a02' })!;
    const drawn = looks(s, from);
    const covering = p.nodes.filter((n) => drawn.get(n.id)!.classes === n.classes && s.model.byId.get(n.id)!.kind === 'network');
    expect(covering.length).toBeGreaterThan(0);
    for (const n of covering) expect(n.classes.split(' ')).toContain('dimmed');
    // The same plan whether the drawn boxes are given or derived.
    expect(ids(plan(s, from, { src: 'a01', dst: 'a02' }, true)!).sort()).toEqual(ids(p).sort());
  });

  it.each([
    ['a highlight going away (another destination)', { src: 'n1', dst: 'n3' }, { src: 'n1', dst: 'n2' }],
    ['a what-if failure', { src: 'n1', dst: 'n3' }, { src: 'n1', dst: 'n3', failed: ['storage-1'] }],
    ['starting over (the destination label gets shorter)', { src: 'n1', dst: 'n3' }, { src: 'n3', dst: null }],
    ['nothing changing', { src: 'n1', dst: 'n3' }, { src: 'n1', dst: 'n3' }],
  ] as [string, Pair, Pair][])('refuses %s: the diagram restyles itself', (_what, from, to) => {
    const s = scene(EXAMPLES.find((e) => e.id === 'switched-4-node')!.document);
    expect(plan(s, from, to)).toBeNull();
  });

  it('paints nothing for a change of the selection alone', () => {
    const s = scene(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
    expect(plan(s, { src: null, dst: null }, { src: null, dst: null, selected: [s.t.sites[0]!.id] })).toBeNull();
  });

  it('paints only the source on the first pick: everything else fades with the diagram a moment later', () => {
    const big = scene(generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 }));
    const none = { src: null, dst: null };
    const before = looks(big, none);
    const fading = [...looks(big, { src: 'a01', dst: null })].filter(([id, l]) => before.get(id)!.classes !== l.classes).length;
    expect(fading).toBeGreaterThan(MAX_CHANGES);
    const p = plan(big, none, { src: 'a01', dst: null })!;
    expect(ids(p)).toEqual(['a01']);
    expect(classesOf(p, 'a01')).toContain('source');
    // 64 nodes are drawn compact: the source's name has a FROM line there (above it: the label is above the box).
    expect(big.model.metrics.kind).toBe('compact');
    expect(p.nodes[0]!.label).toBe('FROM\nHV-A01');
  });

  it('refuses more elements to paint than are worth copying', () => {
    const big = scene(generateTwoSiteCluster({ nodesPerSite: 32, lmNetworksPerSite: 2, storageNetworksPerSite: 2, routersPerSite: 2 }));
    const nics = big.model.nodes.filter((n) => n.kind === 'nic').map((n) => n.id);
    const input = (count: number): PlanInput => ({
      model: big.model,
      changed: nics.slice(0, count),
      drawn: (id) => ({ classes: big.model.byId.get(id)!.classes.join(' '), label: big.model.byId.get(id)!.lines.join('\n') }),
      next: (id) => ({ classes: `${big.model.byId.get(id)!.classes.join(' ')} chosen`, label: big.model.byId.get(id)!.lines.join('\n') }),
      frame: (id) => ({ ...big.positions.get(id)!, w: big.model.byId.get(id)!.w, h: big.model.byId.get(id)!.h }),
      ends: () => null,
    });
    expect(planOverlay(input(MAX_CHANGES))!.nodes).toHaveLength(MAX_CHANGES);
    expect(planOverlay(input(MAX_CHANGES + 1))).toBeNull();
  });
});
