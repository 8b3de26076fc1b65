/**
 * The read-only view of one element: labelled facts, names of other elements as links that select
 * them. Kept apart from the panel's actions so an editor can sit beside it.
 */
import { useMemo } from 'react';
import { useActions, useApp } from '../StoreContext';
import { elementFacts } from './facts';

export function ElementDetails({ id }: { id: string }) {
  const design = useApp((s) => s.design);
  const effective = useApp((s) => s.effective);
  const failed = useApp((s) => s.ui.failed);
  const actions = useActions();
  const facts = useMemo(() => elementFacts(design, effective, failed, id), [design, effective, failed, id]);
  if (!facts) return <p className="hint">No details for “{id}”: it is not a site, node, NIC, network or router.</p>;
  return (
    <dl className="element-facts">
      {facts.facts.map((f) => (
        <div key={f.label} className="fact">
          <dt>{f.label}</dt>
          <dd>
            {f.items.length === 1 && !f.items[0]!.ref ? (
              f.items[0]!.text
            ) : (
              <ul>
                {f.items.map((item, i) => (
                  <li key={i}>
                    {item.ref ? (
                      <button type="button" className="link-button" onClick={() => actions.select([item.ref!])} title="Show its details">
                        {item.text}
                      </button>
                    ) : (
                      item.text
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
