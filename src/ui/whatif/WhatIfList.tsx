/** The what-if failures in force, each restorable, and one action to restore them all. */
import { useActions, useApp } from '../StoreContext';
import { elementKind } from '../../engine';
import { elementName, KIND_LABEL } from '../details/facts';
import './whatif.css';

export function WhatIfList() {
  const failed = useApp((s) => s.ui.failed);
  const design = useApp((s) => s.design);
  const actions = useActions();
  if (failed.length === 0) {
    return (
      <p className="hint whatif-empty">
        Nothing is failed. To see what happens when something breaks, right-click a node, NIC, network or router on the diagram and choose Fail, or select it and press Fail in the Details tab. The path, fallbacks and
        comparison update at once; the design itself is not changed.
      </p>
    );
  }
  return (
    <div className="whatif">
      <ul className="whatif-list" aria-label="Failed elements">
        {failed.map((id) => {
          const kind = elementKind(design, id);
          const name = elementName(design, id);
          return (
            <li key={id}>
              <span className="whatif-kind">{kind ? KIND_LABEL[kind] : 'Element'}</span>
              <button type="button" className="link-button whatif-name" onClick={() => actions.select([id])} title="Select it">
                {name}
              </button>
              <button type="button" onClick={() => actions.toggleFailed(id)} aria-label={`Restore ${name}`}>
                Restore
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="whatif-all" onClick={actions.restoreAll}>
        Restore all
      </button>
    </div>
  );
}
