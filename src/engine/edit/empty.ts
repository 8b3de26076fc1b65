import type { TopologyDocument } from '../model/types';

/** A new, empty topology (a fresh object each time: the store tells documents apart by identity). */
export function emptyTopology(): TopologyDocument {
  return { format: 'lm-topology', version: 1, name: 'New topology' };
}
