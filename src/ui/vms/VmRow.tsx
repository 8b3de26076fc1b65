/**
 * One VM as a table row: name, memory (GB), running/off, move to another node, delete. Each
 * change is one undo step; an invalid value stays in its field with the message and changes nothing.
 */
import { useId, useState } from 'react';
import type { Topology, Vm } from '../../engine';
import { memoryProblem, type Edit } from '../../engine/edit';
import { useCommit } from '../designer/props/fields';
import { NodeOptions } from '../common/NodeOptions';

function Draft({ label, value, check, toEdit, inputMode }: { label: string; value: string; check?: (text: string) => string | null; toEdit: (text: string) => Edit; inputMode?: 'decimal' }) {
  const id = useId();
  const commit = useCommit();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const apply = (): void => {
    if (draft === null || draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = check?.(draft) ?? null;
    const errs = problem ? [{ path: '', message: problem }] : commit(toEdit(draft));
    setError(errs ? errs.map((e) => e.message).join(' ') : null);
    if (!errs) setDraft(null);
  };
  return (
    <>
      <input
        aria-label={label}
        className="vm-input"
        inputMode={inputMode}
        value={draft ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          else if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <div id={`${id}-error`} className="props-error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

/**
 * "Move to…": its node options are made only when the select is about to open (pointer down or
 * focus, keyboard included), so a list of 8,000 VMs on 128 nodes renders 8,000 options, not
 * a million (it froze the Maintenance tab for 30 s).
 */
function MoveTo({ vm, t }: { vm: Vm; t: Topology }) {
  const commit = useCommit();
  const [open, setOpen] = useState(false);
  const others = open ? t.nodes.filter((n) => n.id !== vm.node) : [];
  return (
    <select
      aria-label={`Move ${vm.name} to`}
      value=""
      onPointerDown={() => setOpen(true)}
      onFocus={() => setOpen(true)}
      onChange={(e) => e.target.value && commit({ type: 'move-vms', ids: [vm.id], node: e.target.value })}
      disabled={t.nodes.length < 2}
    >
      <option value="">Move to…</option>
      <NodeOptions nodes={others} />
    </select>
  );
}

export function VmRow({ vm, t, showNode }: { vm: Vm; t: Topology; showNode?: boolean }) {
  const commit = useCommit();
  return (
    <tr>
      <td>
        <Draft label={`Name of VM ${vm.name}`} value={vm.name} toEdit={(name) => ({ type: 'update-vm', id: vm.id, patch: { name } })} />
      </td>
      {showNode && <td>{t.index.nodes.get(vm.node)?.name ?? vm.node}</td>}
      <td className="num">
        <Draft
          label={`Memory of ${vm.name} in GB`}
          value={String(vm.memoryGB)}
          inputMode="decimal"
          check={(text) => memoryProblem(text.trim() === '' ? Number.NaN : Number(text), vm.name)}
          toEdit={(text) => ({ type: 'update-vm', id: vm.id, patch: { memoryGB: Number(text) } })}
        />
      </td>
      <td>
        <select aria-label={`State of ${vm.name}`} value={vm.state} onChange={(e) => commit({ type: 'update-vm', id: vm.id, patch: { state: e.target.value as Vm['state'] } })}>
          <option value="running">Running</option>
          <option value="off">Off</option>
        </select>
      </td>
      <td className="vm-actions">
        <MoveTo vm={vm} t={t} />
        <button type="button" className="small-button props-danger" aria-label={`Delete ${vm.name}`} title="Delete this VM" onClick={() => commit({ type: 'delete-vms', ids: [vm.id] })}>
          ✕
        </button>
      </td>
    </tr>
  );
}
