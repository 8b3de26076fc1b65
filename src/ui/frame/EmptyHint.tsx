/** An empty topology says what to do next (over the empty diagram; pointer events pass through). */
import { useApp } from '../StoreContext';

export function EmptyHint() {
  const empty = useApp((s) => s.design.nodes.length === 0 && s.design.sites.length === 0 && s.design.networks.length === 0 && s.design.routers.length === 0);
  if (!empty) return null;
  // In a static wrapper: a fit keeps clear of absolute panels over the canvas (the palette), and
  // this hint, still shown while the first diagram is fitted, must not count as one.
  return (
    <div className="empty-hint-host">
      <div className="empty-hint" role="note" aria-label="Empty topology">
        <p>
          <strong>This topology is empty.</strong>
        </p>
        <p>Drag a node, network or router from the palette onto the diagram (or press N, W or R), then connect them with the Connect tool (C).</p>
        <p>Or open a ready-made cluster from the Example menu in the toolbar, or a file with Open… (Ctrl+O).</p>
      </div>
    </div>
  );
}
