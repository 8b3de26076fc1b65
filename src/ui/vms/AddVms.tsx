/** Adds one VM or several ("12 VMs of 16 GB") to a node, as one undo step; checked inline. */
import { useId, useState } from 'react';
import { memoryProblem } from '../../engine/edit';
import { useCommit } from '../designer/props/fields';

export function AddVms({ nodeId, nodeName }: { nodeId: string; nodeName: string }) {
  const id = useId();
  const commit = useCommit();
  const [several, setSeveral] = useState(false);
  const [count, setCount] = useState('12');
  const [memory, setMemory] = useState('16');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (): void => {
    const n = several ? Number(count) : 1;
    if (!Number.isInteger(n) || n < 1 || n > 1000) return setError('The number of VMs must be a whole number from 1 to 1000.');
    const gb = memory.trim() === '' ? Number.NaN : Number(memory);
    const label = !several && name.trim() !== '' ? name.trim() : 'to add';
    const problem = memoryProblem(gb, label);
    if (problem) return setError(problem);
    const errs = commit({ type: 'add-vms', node: nodeId, memoryGB: gb, count: n, name: name.trim() || undefined });
    setError(errs ? errs.map((e) => e.message).join(' ') : null);
    if (!errs) setName('');
  };
  return (
    <form
      className="vm-add"
      aria-label={`Add VMs to ${nodeName}`}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      {several && (
        <label>
          VMs
          <input className="vm-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} aria-label="Number of VMs" />
        </label>
      )}
      <label>
        {several ? 'of GB' : 'Memory GB'}
        <input className="vm-count" inputMode="decimal" value={memory} onChange={(e) => setMemory(e.target.value)} aria-label="Memory of each VM in GB" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      </label>
      <label>
        {several ? 'Name stem' : 'Name'}
        <input value={name} placeholder={several ? 'VM' : 'VM01'} onChange={(e) => setName(e.target.value)} aria-label={several ? 'Name stem' : 'Name of the VM'} />
      </label>
      <button type="submit">{several ? `Add ${count} VMs` : 'Add VM'}</button>
      <button type="button" className="link-button" onClick={() => {
          setSeveral(!several);
          setError(null);
        }}>
        {several ? 'Add one…' : 'Add several…'}
      </button>
      {error && (
        <div id={`${id}-error`} className="props-error vm-add-error" role="alert">
          {error}
        </div>
      )}
    </form>
  );
}
