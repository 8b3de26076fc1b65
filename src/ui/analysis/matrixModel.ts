/**
 * What each matrix cell shows, as plain data: text, CSS class (colour and pattern), accessible
 * label. Pure, so the matrix component only lays cells out and the rules can be unit-tested.
 * Colour never carries meaning alone: every outcome also has a glyph or text.
 */
import { chosenPairIdle, networkName, nicLabel, nodeName, routerName, type AllPairsResult, type PairChoice, type PairOutcome, type PairSelections, type PathCandidate, type Selection, type Topology } from '../../engine';
import { streamsOfSelection } from '../../store/derived';

export type MatrixView = 'ws2025' | 'legacy' | 'difference';
/** A cell's pair: both choices from the compact all-pairs arrays (the tooltip reads the full selections). */
export type Pair = PairOutcome;

export interface CellModel {
  /** Colour / pattern classes (see analysis.css). */
  cls: string;
  /** Main text (full cells) and the one short token of compact cells. */
  main: string;
  sub: string;
  /** Full cells of the 2025 view: the legacy delay, beside `sub`. */
  aside?: string;
  compact: string;
  /** "HV01 → HV03: 'Direct 1-3', direct, no fallback; legacy 20 s" */
  label: string;
}

const WORDISH = /^[A-Za-z]+$/;

/** "Direct 1-2" → "D1-2", "Live Migration A1" → "LMA1", "Storage 1" → "S1", "LM Site A" → "LMSA". */
export function abbreviate(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.length <= 5 ? words[0]! : words[0]!.slice(0, 4);
  return words
    .map((w) => (WORDISH.test(w) && w !== w.toUpperCase() ? w[0]!.toUpperCase() : w))
    .join('');
}

/** A short, unique name per network (the legend spells them out). */
export function shortNetworkNames(t: Topology): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Map<string, number>();
  for (const n of t.networks) {
    let s = abbreviate(n.name);
    const seen = used.get(s) ?? 0;
    used.set(s, seen + 1);
    if (seen > 0) s = `${s}·${seen + 1}`;
    out.set(n.id, s);
  }
  return out;
}

const pathShort = (short: Map<string, string>, c: NonNullable<PairChoice['chosen']>): string =>
  c.kind === 'direct' ? short.get(c.sourceNetworkId)! : `${short.get(c.sourceNetworkId)}⇢${short.get(c.destinationNetworkId)}`;

const DOWN_TEXT: Partial<Record<NonNullable<Selection['failure']>, string>> = {
  'source-down': 'source down',
  'destination-down': 'destination down',
  'destination-paused': 'destination paused',
};

/** Legacy delay classes: how many timeouts, capped at 4 (the legend's heat scale). */
export function heatLevel(delay: number, timeout: number): number {
  if (timeout <= 0) return 0;
  return Math.min(4, Math.round(delay / timeout));
}

export function cellModel(t: Topology, pair: Pair, view: MatrixView, short: Map<string, string>, timeout: number): CellModel {
  const { ws2025: ws, legacy } = pair;
  const who = `${nodeName(t, pair.sourceNodeId)} → ${nodeName(t, pair.destinationNodeId)}`;
  const down = ws.failure ? DOWN_TEXT[ws.failure] : undefined;
  if (down) return { cls: 'o-down', main: '—', sub: down, compact: '—', label: `${who}: ${down}` };

  const delay = legacy.initiationDelaySeconds;
  const wsText = ws.chosen
    ? `'${networkName(t, ws.chosen.sourceNetworkId)}'${ws.chosen.kind === 'routed' ? ` → '${networkName(t, ws.chosen.destinationNetworkId)}', routed` : ', direct'}, ${ws.fallbackCount === 0 ? 'no fallback' : `${ws.fallbackCount} fallback${ws.fallbackCount === 1 ? '' : 's'}`}`
    : 'no path';
  const legacyText = legacy.chosen ? `legacy ${delay} s on '${networkName(t, legacy.chosen.sourceNetworkId)}'` : `legacy no path (gives up after ${delay} s)`;
  const label = `${who}: ${wsText}; ${legacyText}`;
  const wsShort = ws.chosen ? pathShort(short, ws.chosen) : '';
  const legacyShort = legacy.chosen ? pathShort(short, legacy.chosen) : '';

  if (view === 'ws2025') {
    if (!ws.chosen) return { cls: 'o-none', main: '✕', sub: 'no path', compact: '✕', label };
    const single = ws.fallbackCount === 0;
    const routed = ws.chosen.kind === 'routed';
    return {
      cls: `${routed ? 'o-routed' : 'o-direct'}${single ? ' o-single' : ''}`,
      main: wsShort,
      sub: `${routed ? '⇢' : '═'} ${single ? 'only' : `+${ws.fallbackCount}`}`,
      aside: legacy.chosen ? `${delay}s` : '✕',
      compact: `${routed ? 'R' : 'D'}${single ? '!' : ''}`,
      label,
    };
  }
  if (view === 'legacy') {
    const level = heatLevel(delay, timeout);
    if (!legacy.chosen) return { cls: `o-none h${level}`, main: `${delay} s`, sub: '✕ no path', compact: '✕', label };
    return { cls: `heat h${level}`, main: `${delay} s`, sub: legacyShort, compact: String(delay), label };
  }
  // Difference: what 2025 changes for this pair.
  if (!ws.chosen) return { cls: 'o-none', main: '✕', sub: 'neither', compact: '✕', label };
  if (!legacy.chosen) return { cls: 'd-new', main: '+2025', sub: wsShort, compact: '+', label };
  const sameNetwork = legacyShort === wsShort;
  if (delay > 0)
    return { cls: `d-faster h${heatLevel(delay, timeout)}${sameNetwork ? '' : ' d-changed'}`, main: `−${delay} s`, sub: sameNetwork ? wsShort : `${legacyShort}→${wsShort}`, compact: String(delay), label };
  if (!sameNetwork) return { cls: 'd-same d-changed', main: '≠', sub: `${legacyShort}→${wsShort}`, compact: '≠', label };
  return { cls: 'd-same', main: '=', sub: wsShort, compact: '=', label };
}

export function selfCell(t: Topology, nodeId: string): CellModel {
  return { cls: 'o-self', main: '', sub: '', compact: '', label: `${nodeName(t, nodeId)} → ${nodeName(t, nodeId)}: same node` };
}

/** Row-major cells, the diagonal included, for the nodes of `result`. */
export function matrixCells(t: Topology, result: AllPairsResult, view: MatrixView, timeout: number): CellModel[][] {
  const short = shortNetworkNames(t);
  const n = result.nodeIds.length;
  const rows: CellModel[][] = [];
  let k = 0;
  for (let r = 0; r < n; r++) {
    const row: CellModel[] = [];
    for (let c = 0; c < n; c++) row.push(r === c ? selfCell(t, result.nodeIds[r]!) : cellModel(t, result.outcome(k++), view, short, timeout));
    rows.push(row);
  }
  return rows;
}

/** The pair of a cell, or null on the diagonal. */
export function pairAt(result: AllPairsResult, r: number, c: number): Pair | null {
  const k = result.pairIndex(r, c);
  return k < 0 || k >= result.pairCount ? null : result.outcome(k);
}

/** The full selections of a cell's pair (made when first asked for), or null on the diagonal. */
export function selectionsAt(result: AllPairsResult, r: number, c: number): PairSelections | null {
  const k = result.pairIndex(r, c);
  if (k < 0 || k >= result.pairCount) return null;
  const { sourceNodeId, destinationNodeId } = result.outcome(k);
  return { sourceNodeId, destinationNodeId, ws2025: result.selection(k, 'ws2025'), legacy: result.selection(k, 'legacy') };
}

function pathInWords(t: Topology, c: PathCandidate): string {
  const via = c.routerIds.length ? ` via ${c.routerIds.map((r) => routerName(t, r)).join(' → ')}` : '';
  const nets = c.kind === 'direct' ? `'${networkName(t, c.sourceNetworkId)}'` : `'${networkName(t, c.sourceNetworkId)}' → '${networkName(t, c.destinationNetworkId)}'`;
  return `${nets}${via} (${nicLabel(t, c.sourceNicId)} ${c.sourceAddress} → ${nicLabel(t, c.destinationNicId)} ${c.destinationAddress})`;
}

/**
 * (1.2) With SMB, where the memory goes when it is not the chosen pair alone: SMB Multichannel's
 * streams (streamsOf), naming the networks live migration itself does not use. Null otherwise.
 */
function smbLine(t: Topology, s: Selection): string | null {
  const c = s.chosen;
  if (!c || t.liveMigration.transport !== 'smb' || c.kind !== 'direct') return null;
  const streams = streamsOfSelection(t, s);
  if (streams.length === 1 && streams[0]!.sourceNicId === c.sourceNicId && streams[0]!.destinationNicId === c.destinationNicId) return null;
  const nets = [...new Set(streams.map((x) => x.networkId))];
  const off = nets.filter((id) => !t.eligibility[id]?.eligible);
  const idle = chosenPairIdle(s, streams) ? `, leaving '${networkName(t, c.sourceNetworkId)}' idle` : '';
  return `SMB: ${streams.length} stream${streams.length === 1 ? '' : 's'} on ${nets.map((id) => `'${networkName(t, id)}'`).join(', ')}${idle}${off.length ? ` (${off.length === nets.length ? 'not' : `${off.map((id) => `'${networkName(t, id)}'`).join(', ')} not`} enabled for live migration)` : ''}.`;
}

/** The tooltip: the pair's path in words, both modes. */
export function describePair(t: Topology, pair: PairSelections): string[] {
  const { ws2025: ws, legacy } = pair;
  const lines = [`${nodeName(t, pair.sourceNodeId)} → ${nodeName(t, pair.destinationNodeId)}`];
  const down = ws.failure ? DOWN_TEXT[ws.failure] : undefined;
  if (down) return [...lines, `No migration: ${down}.`];
  if (ws.chosen) {
    const fb = ws.fallbacks.length;
    lines.push(`2025: ${pathInWords(t, ws.chosen)}; ${fb === 0 ? 'no fallback' : `${fb} fallback${fb === 1 ? '' : 's'}, next ${ws.fallbacks[0]!.kind === 'direct' ? `'${networkName(t, ws.fallbacks[0]!.sourceNetworkId)}'` : `'${networkName(t, ws.fallbacks[0]!.sourceNetworkId)}' → '${networkName(t, ws.fallbacks[0]!.destinationNetworkId)}'`}`}.`);
  } else lines.push('2025: no path on any network enabled for live migration.');
  const smb = smbLine(t, ws);
  if (smb) lines.push(smb);
  const timeouts = legacy.attempts.filter((a) => a.outcome === 'timeout').map((a) => `'${networkName(t, a.networkId)}'`);
  const waited = timeouts.length ? ` after ${legacy.initiationDelaySeconds} s (timed out on ${timeouts.join(', ')})` : ' at once';
  lines.push(legacy.chosen ? `Legacy: connects on '${networkName(t, legacy.chosen.sourceNetworkId)}'${waited}.` : `Legacy: no path${timeouts.length ? `; gives up after ${legacy.initiationDelaySeconds} s` : ''}.`);
  return lines;
}
