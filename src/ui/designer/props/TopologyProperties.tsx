/** The topology's own name and description (shown in exports and reports), edited when nothing is selected. */
import { useApp } from '../../StoreContext';
import { TextField } from './fields';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function TopologyProperties() {
  const name = useApp((s) => s.document.name ?? '');
  const description = useApp((s) => s.document.description ?? '');
  const counts = useApp((s) => [plural(s.design.nodes.length, 'node'), plural(s.design.networks.length, 'network'), plural(s.design.routers.length, 'router')].join(' · '));
  return (
    <section className="details-panel" aria-label="Topology properties">
      <header className="details-head">
        <span className="kind-tag">Topology</span>
        <h2>{name || 'Untitled topology'}</h2>
      </header>
      <p className="hint">{counts}. Select an element on the diagram to see and edit its details.</p>
      <div className="props">
        <TextField label="Name" value={name} toEdit={(text) => (text === name ? null : { type: 'update-topology', patch: { name: text } })} />
        <TextField label="Description" value={description} toEdit={(text) => (text === description ? null : { type: 'update-topology', patch: { description: text } })} />
      </div>
    </section>
  );
}
