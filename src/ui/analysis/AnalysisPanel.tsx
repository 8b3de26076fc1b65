/** All-pairs analysis (placeholder until the matrix lands). */
import { useAllPairs } from '../hooks';

export function AnalysisPanel() {
  const { summary } = useAllPairs();
  return (
    <p>
      {summary.pairCount} ordered pairs; no path: {summary.noPath.ws2025} (2025), {summary.noPath.legacy} (legacy); worst legacy delay {summary.maxLegacyDelaySeconds} s.
    </p>
  );
}
