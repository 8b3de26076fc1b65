/** N-1 impacts in an administrator's words ("If network 'Storage 1' fails: 0 pairs lose live migration, 12 move to 'Storage 2'."). */
import { networkName, nodeName } from './messages';
import type { ElementImpact, MovedPair } from '../analysis/resilience';
import type { Topology } from '../model/types';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** `'Storage 2'`, or `'LM A' → 'LM B'` for a routed path. */
export function networkPairLabel(t: Topology, [source, destination]: readonly [string, string]): string {
  return source === destination ? `'${networkName(t, source)}'` : `'${networkName(t, source)}' → '${networkName(t, destination)}'`;
}

export function elementLabel(t: Topology, m: Pick<ElementImpact, 'kind' | 'name'>): string {
  switch (m.kind) {
    case 'network':
      return `network '${m.name}'`;
    case 'router':
      return `router '${m.name}'`;
    case 'nic':
      return `NIC ${m.name}`;
    case 'node':
      return `node ${m.name}`;
  }
}

/** Moved pairs grouped by where they go, largest group first. */
export function movedGroups(moved: readonly MovedPair[]): { to: [string, string]; count: number }[] {
  const groups = new Map<string, { to: [string, string]; count: number }>();
  for (const m of moved) {
    const key = `${m.to[0]}\u0000${m.to[1]}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { to: m.to, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** The ws2025 consequence, one sentence. */
export function describeImpact(t: Topology, m: ElementImpact): string {
  const head = `If ${elementLabel(t, m)} fails: `;
  if (m.kind === 'node')
    return `${head}${m.down === 0 ? 'no migration involves it' : `its ${plural(m.down, 'migration is', 'migrations are')} down with it`}; ${m.lost.length === 0 && m.moved.length === 0 ? 'no other pair is affected' : `${plural(m.lost.length, 'other pair loses', 'other pairs lose')} live migration`}.`;
  const lost = `${plural(m.lost.length, 'pair loses', 'pairs lose')} live migration`;
  const groups = movedGroups(m.moved);
  if (groups.length === 0) return `${head}${lost}${m.lost.length === 0 ? ', no pair changes network' : ''}.`;
  const moves = groups.map((g, i) => `${g.count} ${i === 0 ? (g.count === 1 ? 'moves to' : 'move to') : 'to'} ${networkPairLabel(t, g.to)}`);
  return `${head}${lost}, ${moves.join(', ')}.`;
}

/** The legacy consequence, or null when legacy does not notice. */
export function describeLegacyImpact(m: ElementImpact): string | null {
  const l = m.legacy;
  const parts: string[] = [];
  if (l.lost) parts.push(`${plural(l.lost, 'pair loses', 'pairs lose')} live migration`);
  if (l.slower) parts.push(`${plural(l.slower, 'pair waits', 'pairs wait')} longer (+${l.addedSeconds} s in all)`);
  if (l.faster) parts.push(`${plural(l.faster, 'pair connects', 'pairs connect')} sooner`);
  return parts.length ? `Legacy: ${parts.join(', ')}.` : null;
}

/** "HV01 → HV02, HV02 → HV01 and 3 more" */
export function pairList(t: Topology, pairs: readonly { sourceNodeId: string; destinationNodeId: string }[], max = 4): string {
  const shown = pairs.slice(0, max).map((p) => `${nodeName(t, p.sourceNodeId)} → ${nodeName(t, p.destinationNodeId)}`);
  const rest = pairs.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}
