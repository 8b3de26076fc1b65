/** Static routes of a NIC: remove, or add one with a next hop picked from the routers on its subnet. */
import { useId, useState } from 'react';
import type { ParseError, Topology } from '../../../engine';
import { ErrorList, useCommit } from './fields';
import { destinationsFor, gatewaysOf } from './gateways';

export function RouteEditor({ nicId, t }: { nicId: string; t: Topology }) {
  const id = useId();
  const commit = useCommit();
  const nic = t.index.nics.get(nicId)!;
  const gateways = gatewaysOf(t, nicId);
  const [prefix, setPrefix] = useState('');
  const [via, setVia] = useState('');
  const [errors, setErrors] = useState<ParseError[] | null>(null);
  const chosenVia = via || gateways[0]?.address || '';
  const routerOf = (address: string): string => gateways.find((g) => g.address === address)?.label.split(' — ')[1] ?? 'not a router';
  const add = (): void => {
    const errs = commit({ type: 'add-route', nic: nicId, route: { prefix, via: chosenVia } });
    setErrors(errs);
    if (!errs) setPrefix('');
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Static routes</h3>
      {nic.routes.length === 0 ? (
        <p className="props-note">No static routes: this NIC reaches only its own subnet.</p>
      ) : (
        <table className="props-routes">
          <thead>
            <tr>
              <th scope="col">Destination</th>
              <th scope="col">Next hop</th>
              <th scope="col"><span className="visually-hidden">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {nic.routes.map((r, i) => (
              <tr key={`${r.prefix}|${r.via}|${i}`}>
                <td>{r.prefix}</td>
                <td title={routerOf(r.via)}>{r.via}</td>
                <td>
                  <button type="button" className="small-button" aria-label={`Remove the route to ${r.prefix} via ${r.via}`} onClick={() => setErrors(commit({ type: 'remove-route', nic: nicId, index: i }))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="props-route-add">
        <label>
          Destination
          <input
            type="text"
            list={`${id}-destinations`}
            value={prefix}
            placeholder="10.2.10.0/24"
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${id}-error` : undefined}
            onChange={(e) => setPrefix(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && prefix !== '' && chosenVia !== '' && add()}
          />
          <datalist id={`${id}-destinations`}>
            {destinationsFor(t, nicId).map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <label>
          Next hop
          <select value={chosenVia} onChange={(e) => setVia(e.target.value)} disabled={gateways.length === 0}>
            {gateways.length === 0 && <option value="">— no router on this NIC's subnet —</option>}
            {gateways.map((g) => (
              <option key={g.address} value={g.address}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={prefix.trim() === '' || chosenVia === ''} onClick={add}>
          Add route
        </button>
      </div>
      <ErrorList id={`${id}-error`} errors={errors} />
    </section>
  );
}
