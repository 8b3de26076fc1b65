/** Every VM of the cluster: sorts by any column, filters by name or node and by state. */
import { useMemo, useState } from 'react';
import type { Vm } from '../../engine';
import { useApp } from '../StoreContext';
import { useShownRows } from './ShowMore';
import { VmRow } from './VmRow';
import './vms.css';

type Key = 'name' | 'node' | 'memory' | 'state';
const COLUMNS: { key: Key; label: string; num?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'node', label: 'Node' },
  { key: 'memory', label: 'GB', num: true },
  { key: 'state', label: 'State' },
];
/**
 * One collator for every comparison: `localeCompare` with options sets one up per call, and
 * sorting 10,000 VMs by node took 1.4 s in Chromium (the same order: ECMA-402 defines
 * `localeCompare` with these options as this collator's `compare`).
 */
const text = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

export function VmList() {
  const t = useApp((s) => s.design);
  const [sort, setSort] = useState<{ key: Key; down: boolean }>({ key: 'node', down: false });
  const [filter, setFilter] = useState('');
  const [state, setState] = useState<'all' | Vm['state']>('all');
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = t.vms.filter((v) => (state === 'all' || v.state === state) && (f === '' || v.name.toLowerCase().includes(f) || (t.index.nodes.get(v.node)?.name ?? '').toLowerCase().includes(f)));
    const by: Record<Key, (a: Vm, b: Vm) => number> = {
      name: (a, b) => text(a.name, b.name),
      node: (a, b) => text(t.index.nodes.get(a.node)?.name ?? '', t.index.nodes.get(b.node)?.name ?? '') || text(a.name, b.name),
      memory: (a, b) => a.memoryGB - b.memoryGB || text(a.name, b.name),
      state: (a, b) => text(a.state, b.state) || text(a.name, b.name),
    };
    const sorted = [...list].sort(by[sort.key]);
    return sort.down ? sorted.reverse() : sorted;
  }, [t, filter, state, sort]);
  const total = rows.reduce((s, v) => s + v.memoryGB, 0);
  const { shown, more } = useShownRows(rows.length);
  return (
    <section className="vm-list" aria-label="VMs of the cluster">
      <div className="vm-filters">
        <input type="search" placeholder="Filter by VM or node name" aria-label="Filter VMs by name or node" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <select aria-label="Show VMs" value={state} onChange={(e) => setState(e.target.value as typeof state)}>
          <option value="all">All</option>
          <option value="running">Running</option>
          <option value="off">Off</option>
        </select>
      </div>
      <p className="vm-summary" aria-live="polite">
        {rows.length === t.vms.length ? `${t.vms.length} VMs` : `${rows.length} of ${t.vms.length} VMs`} · {Math.round(total * 10) / 10} GB
      </p>
      {t.vms.length === 0 ? (
        <p className="hint">No VMs yet: select a node and add them in its Details.</p>
      ) : (
        <table className="vm-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.down ? 'descending' : 'ascending') : undefined}>
                  <button type="button" className="link-button" onClick={() => setSort({ key: c.key, down: sort.key === c.key ? !sort.down : false })}>
                    {c.label}
                    {sort.key === c.key ? (sort.down ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((vm) => (
              <VmRow key={vm.id} vm={vm} t={t} showNode />
            ))}
          </tbody>
        </table>
      )}
      {more}
    </section>
  );
}
