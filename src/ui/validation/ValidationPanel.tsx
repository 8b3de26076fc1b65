/**
 * The design's problems: the parser's diagnostics and the cluster checks, each selecting the
 * elements it is about when clicked, with a one-click fix where the fix is unambiguous.
 */
import { useMemo } from 'react';
import { elementKind, type Diagnostic } from '../../engine';
import { elementNames, nameElements } from '../../store/friendlyErrors';
import type { Edit } from '../../engine/edit';
import type { AppStore } from '../../store/appStore';
import { checks } from '../../store/derived';
import { useActions, useApp, useAppStore } from '../StoreContext';
import { useFindings, type Finding } from './useFindings';
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
  'apipa-address': 'APIPA address',
  'smb-rdma-across-sites': 'RDMA across sites',
  'smb-on-excluded-networks': 'SMB on excluded networks',
  'host-migration-disabled': 'Live migration disabled',
  'host-settings-differ': 'Host settings differ',
  'mtu-mismatch': 'MTU mismatch',
  'host-migration-networks': 'Host migration networks',
  'atc-max-migrations': 'Over Network ATC limit',
  'measured-mismatch': 'Measured',
  'measured-unmatched': 'Measured',
};

/** The findings of the store's design now (outside React, right after an edit). */
function currentFindings(store: AppStore): Diagnostic[] {
  const s = store.getState();
  return [...s.diagnostics, ...checks(s)];
}

/** A group's heading: "12 node pairs have no path". */
const GROUP_TEXT: Partial<Record<Diagnostic['code'], string>> = {
  'pair-without-path': 'node pairs have no path',
  'asymmetric-route': 'routes have no return route',
  'nic-without-address': 'NICs have no address',
  'network-without-nic': 'networks have no NIC',
  'nics-share-network': 'nodes have two NICs on one network',
  'route-via-not-router': 'routes have a next hop that is not a router',
  'unknown-layout-id': 'saved positions name elements that no longer exist',
  'pair-single-path': 'findings of node pairs with a single path',
  'pair-routed-only': 'findings of node pairs that only routing connects',
  'measured-mismatch': 'pairs and networks where the path test disagrees with the design',
};

/** Beyond this many, the list says how many more there are: a broken 64-node design can have thousands. */
const SHOWN = 200;

/** Findings of one kind together, in the order their kind first appears. */
function groupByCode(findings: Finding[]): { code: Diagnostic['code']; list: Finding[]; visible: Finding[] }[] {
  const groups = new Map<Diagnostic['code'], Finding[]>();
  for (const f of findings) groups.set(f.diagnostic.code, [...(groups.get(f.diagnostic.code) ?? []), f]);
  let shown = 0;
  return [...groups].map(([code, list]) => {
    const visible = list.slice(0, Math.max(0, SHOWN - shown));
    shown += visible.length;
    return { code, list, visible };
  });
}

export function ValidationPanel() {
  const findings = useFindings();
  const store = useAppStore();
  const actions = useActions();
  const design = useApp((s) => s.design);
  const doc = useApp((s) => s.document);
  const names = useMemo(() => elementNames(doc), [doc]);
  if (findings.length === 0) return <p className="hint">No problems found.</p>;
  const select = (ids: string[]): void => {
    const known = ids.filter((id) => elementKind(design, id) !== null);
    actions.select(known);
  };
  /** A measured mismatch is about a pair on a network: the pair becomes the one shown, the network is selected. */
  const selectMeasured = ([source, destination, network]: string[]): void => {
    if (source && destination && elementKind(design, source) === 'node' && elementKind(design, destination) === 'node') {
      actions.setSource(source);
      actions.setDestination(destination);
    }
    select(network ? [network] : []);
  };
  /** Applies fixes as one undo step; says so when the list grows (a fix can reveal what it hid). */
  const applyFixes = (edits: Edit[]): void => {
    const before = new Set(currentFindings(store).map((d) => d.message));
    const r = actions.edit(edits.length === 1 ? edits[0]! : { type: 'batch', edits });
    if (!r.ok) {
      actions.notify({ kind: 'error', text: 'The fix could not be applied: nothing was changed.', errors: r.errors });
      return;
    }
    const added = currentFindings(store).filter((d) => !before.has(d.message));
    const fixed = edits.length === 1 ? 'The fix was applied' : `${edits.length} fixes were applied`;
    if (added.length > 0)
      actions.notify({ kind: 'info', text: `${fixed}; ${added.length} new finding${added.length === 1 ? '' : 's'} appeared because the change made ${added.length === 1 ? 'it' : 'them'} visible: ${nameElements(added[0]!.message, elementNames(store.getState().document))}${added.length > 1 ? ' …' : ''}` });
  };
  const item = ({ diagnostic: d, fix }: Finding, i: number) => (
    <li key={`${d.code}|${d.path}|${d.elementIds.join(',')}|${i}`} className="validation-item">
      <span className="validation-code">{CODE_LABEL[d.code] ?? d.code}</span>
      <button type="button" className="validation-message" onClick={() => (d.code === 'measured-mismatch' ? selectMeasured(d.elementIds) : select(d.elementIds))} disabled={d.elementIds.length === 0} title={d.elementIds.length ? 'Select the elements concerned' : undefined}>
        {nameElements(d.message, names)}
      </button>
      {fix && (
        <button type="button" className="validation-fix" onClick={() => applyFixes([fix.edit])}>
          Fix: {fix.label}
        </button>
      )}
    </li>
  );
  return (
    <section aria-label="Validation">
      <p className="validation-summary">
        {findings.length} finding{findings.length === 1 ? '' : 's'}
        {findings.some((f) => f.fix) ? `, ${findings.filter((f) => f.fix).length} with a one-click fix` : ''}. Click one to select what it is about.
      </p>
      <ul className="validation-list">
        {groupByCode(findings).map(({ code, list, visible }) => {
          if (visible.length === 0) return null;
          if (list.length === 1) return item(list[0]!, 0);
          // Several findings can share one fix (two pairs missing the same return route): once each.
          const fixes = list.every((f) => f.fix) ? [...new Map(list.map((f) => [JSON.stringify(f.fix!.edit), f.fix!.edit])).values()] : null;
          return (
            <li key={code} className="validation-group">
              <details open={list.length <= 4}>
                <summary>
                  <span className="validation-code">{CODE_LABEL[code] ?? code}</span> {list.length} {GROUP_TEXT[code] ?? 'findings of this kind'}
                </summary>
                <ul className="validation-list">{visible.map(item)}</ul>
              </details>
              {fixes && (
                <button type="button" className="validation-fix" onClick={() => applyFixes(fixes)}>
                  Fix all {list.length}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {findings.length > SHOWN && <p className="hint">…and {findings.length - SHOWN} more. Fix the ones above first: many usually share a cause.</p>}
    </section>
  );
}
