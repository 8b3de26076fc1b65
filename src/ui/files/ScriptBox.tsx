/** A PowerShell script shown for reading, with Copy and Download (UTF-8 with BOM, for Windows PowerShell 5.1). */
import { useState } from 'react';
import { copyText, downloadText, UTF8_BOM } from './browser';

export function ScriptBox({ script, label, fileName, copyLabel, downloadLabel, short = false }: { script: string; label: string; fileName: string; copyLabel: string; downloadLabel: string; short?: boolean }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <>
      <pre className={`files-code${short ? ' short' : ''}`} aria-label={label} tabIndex={0}>
        {script}
      </pre>
      <div className="files-row">
        <button type="button" className="files-primary" onClick={async () => setCopied(await copyText(script))}>
          {copyLabel}
        </button>
        <button type="button" onClick={() => downloadText(UTF8_BOM + script, fileName, 'text/plain')}>
          {downloadLabel}
        </button>
        {copied !== null && <span role="status" className={copied ? 'files-status' : 'failure'}>{copied ? 'Copied.' : 'The browser did not allow copying: select the script and copy it.'}</span>}
      </div>
    </>
  );
}
