/** The numbers above the matrix, led by what Windows Server 2025 changes for this topology. */
import { compareModes, formatSeconds, type AllPairsResult } from '../../engine';

const pairs = (n: number): string => `${n} pair${n === 1 ? '' : 's'}`;

/**
 * "Legacy: 2 pairs wait 20 s or more before migrating; Windows Server 2025: 0." and, apart, the
 * pairs legacy never migrates — a pair that gives up is not counted as waiting.
 */
export function headline(result: AllPairsResult, timeout: number): string[] {
  const c = compareModes(result, timeout);
  const lines: string[] = [];
  if (c.legacyLongWait > 0) lines.push(`Legacy: ${pairs(c.legacyLongWait)} wait ${c.longWaitSeconds} s or more before migrating; Windows Server 2025: 0.`);
  else if (c.legacyWaiting > 0) lines.push(`Legacy: ${pairs(c.legacyWaiting)} wait ${timeout} s or more before migrating; Windows Server 2025: 0.`);
  else if (c.legacyNever > 0 && c.legacyConnected > 0) lines.push('Legacy starts every migration it can make at once.');
  else if (c.pairCount > 0 && c.legacyNever === 0) lines.push('Legacy and Windows Server 2025 both start every migration at once.');
  if (c.legacyNever > 0) {
    const rescued = c.rescuedBy2025 === c.legacyNever ? 'Windows Server 2025 migrates them through routers' : c.rescuedBy2025 > 0 ? `Windows Server 2025 migrates ${c.rescuedBy2025} of them through routers` : '';
    lines.push(`Legacy never migrates ${pairs(c.legacyNever)}: it gives up after ${formatSeconds(c.legacyGiveUpSeconds)}${rescued ? `; ${rescued}` : ''}.`);
  }
  if (c.noPath.ws2025 > 0) lines.push(`${pairs(c.noPath.ws2025)} cannot live-migrate even in Windows Server 2025.`);
  return lines;
}

export function MatrixSummary({ result, timeout }: { result: AllPairsResult; timeout: number }) {
  const s = result.summary;
  const c = compareModes(result, timeout);
  const nodes = result.nodeIds.length;
  return (
    <section className="mx-summary" aria-label="All-pairs summary">
      <div className="mx-headline">
        {headline(result, timeout).map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <dl className="mx-stats">
        <div>
          <dt>Pairs</dt>
          <dd>
            {s.pairCount} ({nodes} nodes)
          </dd>
        </div>
        <div>
          <dt>No path</dt>
          <dd>
            2025: {s.noPath.ws2025} · legacy: {s.noPath.legacy}
          </dd>
        </div>
        <div>
          <dt>Legacy delay</dt>
          <dd>{c.legacyConnected ? `mean ${formatSeconds(Math.round(c.legacyMeanDelaySeconds * 10) / 10)} · worst ${formatSeconds(c.legacyMaxDelaySeconds)} (${pairs(c.legacyConnected)} that connect)` : 'no pair connects'}</dd>
        </div>
        <div>
          <dt>Legacy never migrates</dt>
          <dd>{c.legacyNever ? `${pairs(c.legacyNever)} (gives up after ${formatSeconds(c.legacyGiveUpSeconds)})` : 'none'}</dd>
        </div>
        <div>
          <dt>Routed (2025)</dt>
          <dd>{pairs(s.routedChosen)}</dd>
        </div>
        <div>
          <dt>No fallback</dt>
          <dd>
            2025: {s.singlePath.ws2025} · legacy: {s.singlePath.legacy}
          </dd>
        </div>
      </dl>
    </section>
  );
}
