/**
 * Calibrate from a real migration: the user enters a VM's memory, the pair and the seconds it
 * took; the app sets the efficiency of the transport in force so the model reproduces it (one
 * undoable edit of `planning`), and says what it changed.
 */
import { useState } from 'react';
import { calibrateEfficiency, nodeName, type Mode } from '../../engine';
import { useCommit } from '../designer/props/fields';
import { useApp } from '../StoreContext';
import { TRANSPORT_LABEL } from './Assumptions';
import { NodeOptions } from '../common/NodeOptions';

export function Calibrate({ sourceNodeId }: { sourceNodeId: string }) {
  const t = useApp((s) => s.design);
  const doc = useApp((s) => s.document);
  const timeout = useApp((s) => s.ui.legacyTimeoutSeconds);
  const commit = useCommit();
  const [memory, setMemory] = useState('16');
  const [source, setSource] = useState(sourceNodeId);
  const [destination, setDestination] = useState(() => t.nodes.find((n) => n.id !== sourceNodeId)?.id ?? '');
  const [seconds, setSeconds] = useState('');
  const [mode, setMode] = useState<Mode>('ws2025');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (): void => {
    const c = calibrateEfficiency(t, { memoryGB: Number(memory), sourceNodeId: source, destinationNodeId: destination, seconds: seconds.trim() === '' ? Number.NaN : Number(seconds), mode, legacyTimeoutSeconds: timeout });
    if (!c.ok) return setResult({ ok: false, text: c.message });
    const planning = { ...doc.planning, efficiency: { ...doc.planning?.efficiency, [c.transport]: c.efficiency } };
    const errs = commit({ type: 'set-planning', planning });
    if (errs) return setResult({ ok: false, text: errs.map((e) => e.message).join(' ') });
    setResult({
      ok: true,
      text: `Set the ${TRANSPORT_LABEL[c.transport]} efficiency from ${c.before} to ${c.efficiency}: the model now moves ${memory} GB from ${nodeName(t, source)} to ${nodeName(t, destination)} in ${seconds} s (${Math.round(c.rateGbps * 10) / 10} Gbps on ${Math.round(c.wireGbps * 10) / 10} Gbps of links). Ctrl+Z undoes it.`,
    });
  };
  return (
    <form
      className="calibrate"
      aria-label="Calibrate from a real migration"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <p className="props-note">A migration you timed on the real cluster, alone (no other migration running):</p>
      <div className="calibrate-fields">
        <label>
          Memory GB
          <input inputMode="decimal" value={memory} onChange={(e) => setMemory(e.target.value)} />
        </label>
        <label>
          From
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <NodeOptions nodes={t.nodes} />
          </select>
        </label>
        <label>
          To
          <select value={destination} onChange={(e) => setDestination(e.target.value)}>
            <NodeOptions nodes={t.nodes} />
          </select>
        </label>
        <label>
          Seconds
          <input inputMode="decimal" value={seconds} onChange={(e) => setSeconds(e.target.value)} aria-label="Seconds it took" />
        </label>
        <label>
          Hosts
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="ws2025">Windows Server 2025</option>
            <option value="legacy">Earlier (legacy)</option>
          </select>
        </label>
      </div>
      <button type="submit">Calibrate</button>
      {result && (
        <p className={result.ok ? 'calibrate-done' : 'props-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </form>
  );
}
