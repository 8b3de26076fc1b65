/** A path drawn as its hops, top to bottom: NIC, network, routers, network, NIC. */
import type { Hop, HopKind } from './explain';

const HOP_KIND: Record<HopKind, string> = { nic: 'NIC', network: 'Network', router: 'Router' };

export function HopChain({ hops }: { hops: Hop[] }) {
  return (
    <ol className="hop-chain" aria-label="Hops">
      {hops.map((h, i) => (
        <li key={`${h.id}-${i}`} className={`hop hop-${h.kind}`}>
          <span className="hop-icon" aria-hidden="true" />
          <span className="sr-only">{HOP_KIND[h.kind]}: </span>
          <span className="hop-title">{h.title}</span>
          {h.detail && <> <span className="hop-detail">{h.detail}</span></>}
        </li>
      ))}
    </ol>
  );
}
