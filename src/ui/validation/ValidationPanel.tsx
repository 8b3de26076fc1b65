/**
 * The design's problems: the parser's diagnostics and the cluster checks, each selecting the
 * elements it is about when clicked, with a one-click fix where the fix is unambiguous.
 */
import { useMemo } from 'react';
import { elementKind, type Diagnostic } from '../../engine';
import { elementNames, nameElements } from '../../store/friendlyErrors';
import type { Edit, Fix } from '../../engine/edit';
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

/**
 * Findings of one kind together, in the order their kind first appears; the first SHOWN of them
 * are visible, and only those get their fix (fixOf), lazily.
 */
function groupByCode(findings: Diagnostic[], fixOf: (d: Diagnostic) => Fix | null): { code: Diagnostic['code']; list: Diagnostic[]; visible: Finding[] }[] {
  const groups = new Map<Diagnostic['code'], Diagnostic[]>();
  for (const d of findings) {
    const list = groups.get(d.code);
    if (list) list.push(d);
    else groups.set(d.code, [d]);
  }
  let shown = 0;
  return [...groups].map(([code, list]) => {
    const visible = list.slice(0, Math.max(0, SHOWN - shown)).map((d) => ({ diagnostic: d, fix: fixOf(d) }));
    shown += visible.length;
    return { code, list, visible };
  });
}

export function ValidationPanel() {
  const { list: findings, fixOf } = useFindings();
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
  const groups = groupByCode(findings, fixOf);
  // Fixes are known for the findings shown: counted when every finding is shown.
  const withFix = findings.length <= SHOWN ? groups.reduce((n, g) => n + g.visible.filter((f) => f.fix).length, 0) : 0;
  /** A group's fixes, computed when it is fixed; several findings can share one (two pairs missing the same return route): once each. */
  const fixAll = (list: Diagnostic[]): void => {
    const fixes = list.map(fixOf);
    if (fixes.some((f) => f === null)) {
      actions.notify({ kind: 'error', text: 'Not every finding of this kind has a one-click fix: nothing was changed. Fix them one by one.' });
      return;
    }
    applyFixes([...new Map(fixes.map((f) => [JSON.stringify(f!.edit), f!.edit])).values()]);
  };
  return (
    <section aria-label="Validation">
      <p className="validation-summary">
        {findings.length} finding{findings.length === 1 ? '' : 's'}
        {withFix > 0 ? `, ${withFix} with a one-click fix` : ''}. Click one to select what it is about.
      </p>
      <ul className="validation-list">
        {groups.map(({ code, list, visible }) => {
          if (visible.length === 0) return null;
          if (list.length === 1) return item(visible[0]!, 0);
          // Offered when every finding shown has a fix; the others' fixes are computed on the click.
          const fixable = visible.every((f) => f.fix);
          return (
            <li key={code} className="validation-group">
              <details open={list.length <= 4}>
                <summary>
                  <span className="validation-code">{CODE_LABEL[code] ?? code}</span> {list.length} {GROUP_TEXT[code] ?? 'findings of this kind'}
                </summary>
                <ul className="validation-list">{visible.map(item)}</ul>
              </details>
              {fixable && (
                <button type="button" className="validation-fix" onClick={() => fixAll(list)}>
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
