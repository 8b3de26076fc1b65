/** What the cells' colours, patterns and glyphs mean in the current view, and the network abbreviations. */
import { useMemo } from 'react';
import { compareModes, type AllPairsResult, type Topology } from '../../engine';
import type { Density } from './Matrix';
import { shortNetworkNames, type MatrixView } from './matrixModel';

/** Each item: classes, swatch text in full cells and in compact cells, meaning. */
const ITEMS: Record<MatrixView, { cls: string; full: string; compact: string; text: string }[]> = {
  ws2025: [
    { cls: 'o-direct', full: '═ +1', compact: 'D', text: 'direct, with fallbacks' },
    { cls: 'o-routed', full: '⇢ +1', compact: 'R', text: 'routed' },
    { cls: 'o-direct o-single', full: '═ only', compact: 'D!', text: 'single path, no fallback' },
    { cls: 'o-none', full: '✕', compact: '✕', text: 'no path' },
    { cls: 'o-down', full: '—', compact: '—', text: 'node down or paused' },
  ],
  legacy: [
    { cls: 'heat h0', full: '0 s', compact: '0', text: 'connects at once' },
    { cls: 'heat h1', full: '1×', compact: '1×', text: 'one timeout' },
    { cls: 'heat h2', full: '2×', compact: '2×', text: 'two' },
    { cls: 'heat h3', full: '3×', compact: '3×', text: 'three' },
    { cls: 'heat h4', full: '4×+', compact: '4×+', text: 'four or more' },
    { cls: 'o-none', full: '✕', compact: '✕', text: 'never migrates (seconds until it gives up)' },
  ],
  difference: [
    { cls: 'd-faster h2', full: '−40 s', compact: '40', text: 'seconds 2025 saves' },
    { cls: 'd-same', full: '=', compact: '=', text: 'same network, same speed' },
    { cls: 'd-same d-changed', full: '≠', compact: '≠', text: 'other network (legacy→2025)' },
    { cls: 'd-new', full: '+2025', compact: '+', text: 'only 2025 can migrate' },
    { cls: 'o-none', full: '✕', compact: '✕', text: 'neither can' },
  ],
};

const NOTE: Record<MatrixView, [full: string, compact: string]> = {
  ws2025: [
    'Top: chosen network (source⇢destination when routed). Bottom: ═ direct or ⇢ routed, fallbacks, and the legacy delay on the right.',
    'D direct, R routed, ! no fallback. Point at a cell for its path, or open the matrix large.',
  ],
  legacy: ['Top: legacy initiation delay. Bottom: the network it connects on.', 'Seconds before legacy connects; ✕ never. Point at a cell for its path.'],
  difference: ['Top: seconds Windows Server 2025 saves. Bottom: the network (legacy→2025 when it changes).', 'Seconds saved, = same, ≠ other network, + only 2025.'],
};

export function MatrixLegend({ topology, result, view, density }: { topology: Topology; result: AllPairsResult; view: MatrixView; density: Density }) {
  const networks = useMemo(() => {
    const short = shortNetworkNames(topology);
    const used = new Set<string>();
    const { sourceNetwork, destinationNetwork } = result.compact;
    for (let i = 0; i < sourceNetwork.length; i++)
      if (sourceNetwork[i]! >= 0) used.add(result.networkIds[sourceNetwork[i]!]!).add(result.networkIds[destinationNetwork[i]!]!);
    return topology.networks.filter((n) => used.has(n.id)).map((n) => ({ id: n.id, short: short.get(n.id)!, name: n.name }));
  }, [topology, result]);
  // Waiting and never migrating, counted apart (the timeout only sets the "long wait" line, unused here).
  const counts = useMemo(() => {
    const c = compareModes(result, 0);
    const n = (k: number): string => `${k} pair${k === 1 ? '' : 's'}`;
    return `Legacy: ${n(c.legacyConnected - c.legacyWaiting)} connect at once, ${n(c.legacyWaiting)} wait for timeouts, ${n(c.legacyNever)} never migrate.`;
  }, [result]);
  return (
    <div className="mx-legend" aria-label="Legend">
      <p className="mx-legend-note">{NOTE[view][density === 'compact' ? 1 : 0]}</p>
      {view !== 'ws2025' && <p className="mx-legend-counts">{counts}</p>}
      <ul className="mx-legend-items">
        {ITEMS[view].map((it) => (
          <li key={it.cls}>
            <span className={`mx-swatch ${it.cls}`} aria-hidden="true">
              {density === 'compact' ? it.compact : it.full}
            </span>
            {it.text}
          </li>
        ))}
      </ul>
      {networks.length > 0 && (
        <p className="mx-abbrev">
          {networks.map((n, i) => (
            <span key={n.id}>
              {i > 0 && ' · '}
              <b>{n.short}</b> {n.name}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
