/** Where the design came from (an imported cluster), shown above the topology's properties. */
import { useMemo } from 'react';
import { describeOrigin } from '../../engine';
import { useApp } from '../StoreContext';

export function OriginSummary() {
  const design = useApp((s) => s.design);
  const lines = useMemo(() => describeOrigin(design), [design]);
  if (!lines) return null;
  return (
    <section className="origin-summary" aria-label="Source of this design">
      <h3>Source</h3>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}
