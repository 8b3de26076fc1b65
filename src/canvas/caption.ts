/** The title and subtitle printed above an exported diagram: what it shows, in words. */
import { MODE_TITLE, networkName, nodeName, type Selection, type Topology } from '../engine';

export interface Caption {
  title: string;
  subtitle: string;
}

export function caption(t: Topology, selection: Selection | null, failed: readonly string[]): Caption {
  const title = t.name || 'Cluster network';
  if (!selection) return { title, subtitle: 'No pair picked: the diagram shows the whole cluster network.' };
  const pair = `Live migration ${nodeName(t, selection.sourceNodeId)} → ${nodeName(t, selection.destinationNodeId)}`;
  const parts = [pair, MODE_TITLE[selection.mode]];
  const c = selection.chosen;
  if (c) {
    const nets = c.sourceNetworkId === c.destinationNetworkId ? `'${networkName(t, c.sourceNetworkId)}'` : `'${networkName(t, c.sourceNetworkId)}' → '${networkName(t, c.destinationNetworkId)}' (routed)`;
    parts.push(`chosen ${nets}`);
    if (selection.fallbacks.length) parts.push(`${selection.fallbacks.length} fallback${selection.fallbacks.length === 1 ? '' : 's'}`);
  } else parts.push('no path');
  if (selection.mode === 'legacy' && selection.initiationDelaySeconds > 0) parts.push(`starts after ${selection.initiationDelaySeconds} s of timeouts`);
  if (failed.length) parts.push(`what-if: ${failed.length} element${failed.length === 1 ? '' : 's'} failed`);
  return { title, subtitle: parts.join(' · ') };
}
