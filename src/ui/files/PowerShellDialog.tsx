/** The script that applies the design to a real cluster: read it, copy it, download it. */
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
  const { script, warnings } = useMemo(() => buildPowerShell(design, { fileName }), [design, fileName]);
  return (
    <Modal title="Apply to a cluster with PowerShell" onClose={onClose} wide>
      <p>
        This script sets the live migration network order and exclusions on the cluster's <code>Virtual Machine</code> resource type and adds the designed static
        routes on each node. It checks first that every named network and node exists, and stops without changing anything if one is missing. Run it with{' '}
        <code>-WhatIf</code> first.
      </p>
      {warnings.length > 0 && (
        <ul className="files-warnings" aria-label="Before you run it">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <ScriptBox script={script} label="PowerShell script" fileName={fileName} copyLabel="Copy" downloadLabel={`Download ${fileName}`} />
    </Modal>
  );
}
