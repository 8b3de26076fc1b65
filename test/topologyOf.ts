/** Tests' shortcuts to a parsed topology: of a document, and of a document after one edit. */
import { parseTopology, type Topology, type TopologyDocument } from '../src/engine';
import { applyEdit, type Edit } from '../src/engine/edit';

/** The topology of `doc`; throws with the parser's errors when it does not parse. */
export function topologyOf(doc: TopologyDocument): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** The topology of `doc` after `edit` (applied as the store applies it); throws when refused. */
export function topologyAfter(doc: TopologyDocument, edit: Edit): Topology {
  const r = applyEdit(doc, edit, { topology: topologyOf(doc), diagnostics: [] });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}
