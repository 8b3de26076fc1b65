/** Details of the selected element (placeholder until the details panel lands). */
import { useApp } from '../StoreContext';

export function DetailsPanel() {
  const selected = useApp((s) => s.ui.selectedIds);
  return <p className="hint">{selected.length ? `Selected: ${selected.join(', ')}` : 'Select an element on the diagram to see its details.'}</p>;
}
