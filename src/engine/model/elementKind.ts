/** What kind of element an id names: the one answer the designer, the details, the what-if list and the store share. */
import type { Topology } from './types';

export type ElementKind = 'site' | 'node' | 'nic' | 'network' | 'router';

/** The kind of the element `id` names in the parsed topology (networks the parser made from addresses included), or null. */
export function elementKind(t: Topology, id: string): ElementKind | null {
  const { index } = t;
  if (index.nodes.has(id)) return 'node';
  if (index.nics.has(id)) return 'nic';
  if (index.networks.has(id)) return 'network';
  if (index.routers.has(id)) return 'router';
  if (index.sites.has(id)) return 'site';
  return null;
}
