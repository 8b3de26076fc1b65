/** The script that applies the design to a real cluster: what it will change, what it leaves alone, then the script to read, copy or download. */
import { useMemo } from 'react';
import { buildPowerShell, exportFileNames } from '../../engine/io';
import { useApp } from '../StoreContext';
import { ScriptBox } from './ScriptBox';
import { Modal } from '../common/Modal';

export function PowerShellDialog({ onClose }: { onClose: () => void }) {
  // The design, not the what-if: failures are simulations, never settings to apply.
  const design = useApp((s) => s.design);
  const document = useApp((s) => s.document);
  const fileName = exportFileNames(document).powershell;
  const { script, warnings, changes, leftAlone } = useMemo(() => buildPowerShell(design, { fileName }), [design, fileName]);
  return (
    <Modal title="Apply to a cluster with PowerShell" onClose={onClose} wide>
      <p>
        The script changes only what the design states, and checks first that every named network and node exists: if one is missing it stops without changing
        anything. Before its first change it saves every value it is about to change to a backup file beside itself (<code>-Restore</code> puts them back). Run it
        with <code>-WhatIf</code> first.
      </p>
      {warnings.length > 0 && (
        <ul className="files-warnings" aria-label="Before you run it">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <h3 className="files-subhead">What it changes</h3>
      {changes.length > 0 ? (
        <ul className="files-notes" aria-label="What the script changes">
          {changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : (
        <p className="files-hint">Nothing: the design states no live migration setting, exclusion, constraint or route.</p>
      )}
      {leftAlone.length > 0 && (
        <details className="files-left-alone">
          <summary>What it leaves as the cluster has it ({leftAlone.length})</summary>
          <ul className="files-notes" aria-label="What the script leaves as it is">
            {leftAlone.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      <ScriptBox script={script} label="PowerShell script" fileName={fileName} copyLabel="Copy" downloadLabel={`Download ${fileName}`} short />
    </Modal>
  );
}
