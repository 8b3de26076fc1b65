/** Source and destination selects (keyboard and screen-reader accessible twin of canvas clicks), swap, mode. */
import { useActions, useApp } from '../StoreContext';
import { NodeOptions } from '../common/NodeOptions';

/** `M` (mode) and `S` (swap) work while the focus is in these lists, as the README promises (issue 27). */
const PAIR_KEYS = 'M S';

export function PairPicker() {
  const nodes = useApp((s) => s.design.nodes);
  const source = useApp((s) => s.ui.sourceNodeId);
  const destination = useApp((s) => s.ui.destinationNodeId);
  const actions = useActions();
  const options = <NodeOptions nodes={nodes} />;
  return (
    <div className="pair-picker">
      <label>
        Source node
        <select value={source ?? ''} data-shortcut-keys={PAIR_KEYS} onChange={(e) => actions.setSource(e.target.value || null)}>
          <option value="">— choose —</option>
          {options}
        </select>
      </label>
      <button type="button" className="icon-button" onClick={actions.swap} aria-label="Swap source and destination" title="Swap source and destination">
        ⇄
      </button>
      <label>
        Destination node
        <select value={destination ?? ''} data-shortcut-keys={PAIR_KEYS} onChange={(e) => actions.setDestination(e.target.value || null)}>
          <option value="">— choose —</option>
          {options}
        </select>
      </label>
    </div>
  );
}
