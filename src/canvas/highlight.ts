/**
 * The highlight: which elements a migration path crosses, and the classes and labels that show
 * it. Pure; the adapter applies only what changed. Colour is never the only carrier: the chosen
 * path is thick and solid with a "✔ CHOSEN" tag, fallbacks dotted and numbered, legacy attempts
 * that time out tagged with their try number, failures dashed with "✕". With SMB, every stream of
 * the pair is lit as chosen; a network that only SMB Multichannel adds is tagged "SMB MULTICHANNEL"
 * (and "EXCLUDED FROM LIVE MIGRATION" when the live migration settings exclude it); a chosen path
 * whose NIC pair SMB leaves idle is drawn thin and dashed, tagged "CHOSEN · SMB IDLE" (1.2).
 */
import { chosenPairIdle, type PathCandidate, type Selection, type Topology } from '../engine';
import { streamsOfSelection } from '../store/derived';
import { edgeId, endTag, transitId, type DiagramModel } from './elements';

export interface Decoration {
  classes: string;
  label: string;
}

export interface HighlightInput {
  model: DiagramModel;
  /** The topology the selection was computed on (what-if failures applied); null only with no selection. */
  topology: Topology | null;
  selection: Selection | null;
  sourceNodeId: string | null;
  destinationNodeId: string | null;
  failed: readonly string[];
  selectedIds: readonly string[];
}

/** The subnet two adjacent routers of a path share: a transit subnet first, else an up network. */
function sharedTarget(t: Topology, a: string, b: string): string | null {
  const bs = new Set(t.index.subnetsByRouter.get(b) ?? []);
  const shared = (t.index.subnetsByRouter.get(a) ?? []).filter((i) => bs.has(i)).map((i) => t.subnets[i]!);
  const transit = shared.find((s) => s.networkId === null);
  if (transit) return transitId(transit.prefix);
  const net = shared.find((s) => s.networkId !== null && t.index.networks.get(s.networkId)?.state === 'up') ?? shared[0];
  return net?.networkId ?? null;
}

/** Every element id (nodes and edges) a path crosses, source NIC to destination NIC. */
export function pathElements(t: Topology, c: PathCandidate): string[] {
  const ids = [c.sourceNicId, edgeId(c.sourceNicId, c.sourceNetworkId), c.sourceNetworkId];
  const routers = c.routerIds;
  if (routers.length > 0) {
    ids.push(edgeId(routers[0]!, c.sourceNetworkId));
    routers.forEach((r, i) => {
      ids.push(r);
      const next = routers[i + 1];
      if (next === undefined) return;
      const via = sharedTarget(t, r, next);
      if (via) ids.push(edgeId(r, via), via, edgeId(next, via));
    });
    ids.push(edgeId(routers[routers.length - 1]!, c.destinationNetworkId), c.destinationNetworkId);
  }
  ids.push(edgeId(c.destinationNicId, c.destinationNetworkId), c.destinationNicId);
  return ids;
}

const TAG = {
  chosen: '✔ CHOSEN · ',
  failed: '✕ FAILED · ',
  fallback: (ranks: number[]) => `FALLBACK ${ranks.join(',')} · `,
  attempt: (n: number, s: number) => `TRY ${n} · ${s} s TIMEOUT · `,
  shortChosen: '✔ ',
  shortFailed: '✕ ',
  shortFallback: (ranks: number[]) => `FB ${ranks.join(',')} · `,
  smb: '✔ SMB MULTICHANNEL · ',
  smbStreams: (n: number) => `✔ SMB MULTICHANNEL ×${n} · `,
  streams: (n: number) => `✔ CHOSEN · SMB ×${n} · `,
  /** The chosen path when SMB sends its memory elsewhere: the migration connects there, nothing more. */
  idle: 'CHOSEN · SMB IDLE · ',
  excluded: 'EXCLUDED FROM LIVE MIGRATION · ',
  roleNone: 'ROLE NONE · ',
};

/**
 * SMB Multichannel's streams on the diagram (1.2): the elements of the streams beyond the chosen
 * path, how many streams cross each network, and — when SMB leaves the chosen path's own NIC pair
 * idle — that path's elements, which are drawn as where the migration connects, not lit as
 * carrying memory. A stream is direct: NIC, edge, network, edge, NIC.
 */
function smbStreams(t: Topology | null, selection: Selection | null, chosenPath: ReadonlySet<string>): { extra: Set<string>; perNetwork: Map<string, number>; idle: Set<string> } {
  const extra = new Set<string>();
  const perNetwork = new Map<string, number>();
  const idle = new Set<string>();
  if (!selection?.chosen || !t || t.liveMigration.transport !== 'smb') return { extra, perNetwork, idle };
  const streams = streamsOfSelection(t, selection);
  const lit = new Set<string>();
  for (const x of streams) {
    perNetwork.set(x.networkId, (perNetwork.get(x.networkId) ?? 0) + 1);
    for (const id of [x.sourceNicId, edgeId(x.sourceNicId, x.networkId), x.networkId, edgeId(x.destinationNicId, x.networkId), x.destinationNicId]) {
      lit.add(id);
      if (!chosenPath.has(id)) extra.add(id);
    }
  }
  if (chosenPairIdle(selection, streams)) for (const id of chosenPath) if (!lit.has(id)) idle.add(id);
  return { extra, perNetwork, idle };
}

/** Why live migration itself would not use a network SMB Multichannel sends memory over (null: it would). */
function offLiveMigration(t: Topology, networkId: string): string | null {
  const e = t.eligibility[networkId];
  if (!e || e.eligible) return null;
  return e.reason === 'excluded-by-setting' ? TAG.excluded : e.reason === 'role-none' ? TAG.roleNone : null;
}

export function decorate(input: HighlightInput): Map<string, Decoration> {
  const { model, topology, selection, sourceNodeId: src, destinationNodeId: dst } = input;
  const failed = new Set(input.failed);
  const selected = new Set(input.selectedIds);
  const chosenPath = new Set<string>(selection?.chosen && topology ? pathElements(topology, selection.chosen) : []);
  const smb = smbStreams(topology, selection, chosenPath);
  const chosen = smb.extra.size > 0 || smb.idle.size > 0 ? new Set([...chosenPath, ...smb.extra].filter((id) => !smb.idle.has(id))) : chosenPath;
  const ranks = new Map<string, number[]>();
  if (topology) selection?.fallbacks.forEach((c, i) => {
    for (const id of new Set(pathElements(topology, c))) ranks.set(id, [...(ranks.get(id) ?? []), i + 1]);
  });
  const attempts = new Map<string, { n: number; seconds: number }>();
  if (selection?.mode === 'legacy')
    selection.attempts.forEach((a, i) => {
      if (a.outcome === 'timeout') attempts.set(a.networkId, { n: i + 1, seconds: a.seconds });
    });
  // Once a source is picked everything else fades, and stays faded while the destination is
  // picked: a pair change then restyles only the paths, not the whole drawing (see style.ts).
  const focus = src !== null || dst !== null;
  const pairSet = src !== null && dst !== null;
  const ends = new Set([src, dst]);

  const out = new Map<string, Decoration>();
  for (const n of model.nodes) {
    const cls: string[] = [];
    const isChosen = chosen.has(n.id);
    const isIdle = smb.idle.has(n.id);
    const fb = ranks.get(n.id);
    const attempt = attempts.get(n.id);
    const isFailed = failed.has(n.id);
    if (isChosen) cls.push('chosen');
    else if (isIdle) cls.push('idle');
    else if (fb) cls.push('fallback');
    if (attempt) cls.push('attempt');
    if (n.id === src) cls.push('source');
    if (n.id === dst) cls.push('destination');
    // While only one end is picked, its NICs stay lit: they are what the migration will start from.
    const pickingEnd = !pairSet && n.kind === 'nic' && ends.has(n.parent);
    // A what-if failure stays in full view: it is what the user is looking at.
    const onPath = isChosen || isIdle || fb !== undefined || attempt !== undefined || ends.has(n.id) || pickingEnd || isFailed;
    if (focus && !onPath && n.kind !== 'site') cls.push('dimmed');
    if (isFailed) cls.push('failed');
    if (selected.has(n.id)) cls.push('selected');

    const [first = '', ...rest] = n.lines;
    let head = first;
    if (n.kind === 'network') {
      const streams = smb.perNetwork.get(n.id) ?? 0;
      const chosenTag = (): string =>
        !chosenPath.has(n.id) ? (streams > 1 ? TAG.smbStreams(streams) : TAG.smb) + ((topology && offLiveMigration(topology, n.id)) ?? '') : streams > 1 ? TAG.streams(streams) : TAG.chosen;
      const tag = isFailed ? TAG.failed : isChosen ? chosenTag() : isIdle ? TAG.idle : fb ? TAG.fallback(fb) : attempt ? TAG.attempt(attempt.n, attempt.seconds) : '';
      head = tag + first;
    } else if (n.kind === 'router' || n.kind === 'transit') {
      head = (isFailed ? TAG.shortFailed : isChosen ? TAG.shortChosen : fb ? TAG.shortFallback(fb) : '') + first;
    } else if (n.kind === 'host' && model.metrics.kind === 'compact') {
      // Name, then the FROM / TO line (empty when neither): apply.ts puts the tag on the box's side.
      head = `${first}\n${n.id === src ? endTag(model.metrics, 'source') : n.id === dst ? endTag(model.metrics, 'destination') : ''}`;
    } else if (n.kind === 'host') {
      head = (isFailed ? TAG.shortFailed : '') + first + (n.id === src ? endTag(model.metrics, 'source') : n.id === dst ? endTag(model.metrics, 'destination') : '');
    } else if (n.kind === 'nic') {
      head = (isFailed ? TAG.shortFailed : '') + first;
    }
    out.set(n.id, { classes: cls.join(' '), label: [head, ...rest].join('\n') });
  }

  for (const e of model.edges) {
    const cls: string[] = [];
    const fb = ranks.get(e.id);
    const isChosen = chosen.has(e.id);
    const isIdle = smb.idle.has(e.id);
    if (isChosen) cls.push('chosen');
    else if (isIdle) cls.push('idle');
    else if (fb) cls.push('fallback');
    const isFailed = failed.has(e.source) || failed.has(e.target);
    if (focus && !isChosen && !isIdle && !fb && !isFailed) cls.push('dimmed');
    if (isFailed) cls.push('failed');
    if (selected.has(e.id)) cls.push('selected');
    // An SMB stream's drop is lit as a stream; its fallback number would read as a second role.
    out.set(e.id, { classes: cls.join(' '), label: fb && !smb.extra.has(e.id) ? fb.join(',') : '' });
  }
  return out;
}

/**
 * What the diagram itself draws (round 3 of issue 25): every element plain — no pair, no path, no
 * failure — with the selection underlay of the ids given. The highlight is drawn over it on the
 * layer (./highlightScheduler.ts); the diagram is never restyled to show a pick.
 */
export function plainDecorations(model: DiagramModel, selectedIds: readonly string[]): Map<string, Decoration> {
  return decorate({ model, topology: null, selection: null, sourceNodeId: null, destinationNodeId: null, failed: [], selectedIds });
}
