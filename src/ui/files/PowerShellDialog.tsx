/** The script that applies the design to a real cluster: read it, copy it, download it. */
import { useMemo, useState } from 'react';
import { buildPowerShell, exportFileNames } from '../../engine/io';
import { useApp } from '../StoreContext';
import { copyText, downloadText, UTF8_BOM } from './browser';
import { Modal } from '../common/Modal';

export function PowerShellDialog({ onClose }: { onClose: () => void }) {
  // The design, not the what-if: failures are simulations, never settings to apply.
  const design = useApp((s) => s.design);
  const document = useApp((s) => s.document);
  const fileName = exportFileNames(document).powershell;
  const { script, warnings } = useMemo(() => buildPowerShell(design, { fileName }), [design, fileName]);
  const [copied, setCopied] = useState<boolean | null>(null);
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
      <pre className="files-code" aria-label="PowerShell script" tabIndex={0}>
        {script}
      </pre>
      <div className="files-row">
        <button type="button" className="files-primary" onClick={async () => setCopied(await copyText(script))}>
          Copy
        </button>
        <button type="button" onClick={() => downloadText(UTF8_BOM + script, fileName, 'text/plain')}>
          Download {fileName}
        </button>
        {copied !== null && <span role="status" className={copied ? 'files-status' : 'failure'}>{copied ? 'Copied.' : 'The browser did not allow copying: select the script and copy it.'}</span>}
      </div>
    </Modal>
  );
}
