/** The parser's diagnostics (placeholder until the validation panel lands). */
import { useApp } from '../StoreContext';

export function ValidationPanel() {
  const diagnostics = useApp((s) => s.diagnostics);
  if (diagnostics.length === 0) return <p className="hint">No problems found.</p>;
  return (
    <ul>
      {diagnostics.map((d, i) => (
        <li key={i}>{d.message}</li>
      ))}
    </ul>
  );
}
