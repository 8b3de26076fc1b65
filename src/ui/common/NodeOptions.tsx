/** The `<option>`s of a node picker: one per node, its id as the value, its name (after an optional prefix) as the text. */
import type { Node } from '../../engine';

export function NodeOptions({ nodes, prefix = '' }: { nodes: readonly Pick<Node, 'id' | 'name'>[]; prefix?: string }) {
  return (
    <>
      {nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {prefix}
          {n.name}
        </option>
      ))}
    </>
  );
}
