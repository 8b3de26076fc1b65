/**
 * The design's problems: the parser's diagnostics and the cluster checks, each selecting the
 * elements it is about when clicked, with a one-click fix where the fix is unambiguous.
 */
import { useMemo } from 'react';
import type { Diagnostic } from '../../engine';
import { elementNames, nameElements } from '../../store/friendlyErrors';
import { useActions, useApp } from '../StoreContext';
import { useFindings } from './useFindings';
import '../designer/designer.css';

const CODE_LABEL: Partial<Record<Diagnostic['code'], string>> = {
  'pair-without-path': 'No path',
  'nics-share-network': 'Two NICs on one network',
  'network-without-nic': 'Unused network',
  'nic-without-address': 'NIC without address',
  'ineligible-network-in-order': 'Live migration order',
  'multiple-default-routes': 'Default routes',
  'unknown-layout-id': 'Stale position',
  assumed: 'Assumed',
  'route-via-not-router': 'Next hop',
  'asymmetric-route': 'Missing return route',
  'pair-single-path': 'Single path',
  'pair-routed-only': 'Routed only',
  'routed-preferred-over-direct': 'Routed before direct',
};

/** Beyond this many, the list says how many more there are: a broken 64-node design can have thousands. */
const SHOWN = 200;

export function ValidationPanel() {
  const findings = useFindings();
  const actions = useActions();
  const exists = useApp((s) => s.design.index);
  const doc = useApp((s) => s.document);
  const names = useMemo(() => elementNames(doc), [doc]);
  if (findings.length === 0) return <p className="hint">No problems found.</p>;
  const select = (ids: string[]): void => {
    const known = ids.filter((id) => exists.nodes.has(id) || exists.nics.has(id) || exists.networks.has(id) || exists.routers.has(id) || exists.sites.has(id));
    actions.select(known);
  };
  return (
    <section aria-label="Validation">
      <p className="validation-summary">
        {findings.length} finding{findings.length === 1 ? '' : 's'}
        {findings.some((f) => f.fix) ? `, ${findings.filter((f) => f.fix).length} with a one-click fix` : ''}. Click one to select what it is about.
      </p>
      <ul className="validation-list">
        {findings.slice(0, SHOWN).map(({ diagnostic: d, fix }, i) => (
          <li key={`${d.code}|${d.path}|${d.elementIds.join(',')}|${i}`} className="validation-item">
            <span className="validation-code">{CODE_LABEL[d.code] ?? d.code}</span>
            <button type="button" className="validation-message" onClick={() => select(d.elementIds)} disabled={d.elementIds.length === 0} title={d.elementIds.length ? 'Select the elements concerned' : undefined}>
              {nameElements(d.message, names)}
            </button>
            {fix && (
              <button type="button" className="validation-fix" onClick={() => actions.edit(fix.edit)}>
                Fix: {fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
      {findings.length > SHOWN && <p className="hint">…and {findings.length - SHOWN} more. Fix the ones above first: many usually share a cause.</p>}
    </section>
  );
}
