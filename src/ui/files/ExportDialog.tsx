/** Export: the diagram as PNG (1×, 2×, 4×; white or transparent) or SVG, and the design report. */
import { useState } from 'react';
import type { PngOptions } from '../../canvas/api';
import { exportFileNames } from '../../engine/io';
import { useCanvasApi } from '../CanvasContext';
import { useApp, useAppStore } from '../StoreContext';
import { copyText, downloadBlob, downloadText } from './browser';
import { makeReport } from './makeReport';
import { Modal } from '../common/Modal';

type Job = 'png' | 'svg' | 'markdown' | 'copy-markdown' | 'html';

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const canvas = useCanvasApi();
  const names = exportFileNames(useApp((s) => s.document));
  const failed = useApp((s) => s.ui.failed.length);
  const [scale, setScale] = useState<PngOptions['scale']>(2);
  const [background, setBackground] = useState<PngOptions['background']>('white');
  const [busy, setBusy] = useState<Job | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const diagramReady = canvas.current !== null;

  const run = async (job: Job, work: () => Promise<string>): Promise<void> => {
    setBusy(job);
    setStatus(null);
    try {
      setStatus({ ok: true, text: await work() });
    } catch (e) {
      setStatus({ ok: false, text: `The export failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const png = () =>
    run('png', async () => {
      const blob = await canvas.current!.exportPng({ scale, background });
      downloadBlob(blob, names.png);
      return `Downloaded ${names.png}.`;
    });
  const svg = () =>
    run('svg', async () => {
      downloadText(await canvas.current!.exportSvg(), names.svg, 'image/svg+xml');
      return `Downloaded ${names.svg}.`;
    });
  const report = (job: 'markdown' | 'copy-markdown' | 'html') =>
    run(job, async () => {
      const r = await makeReport(store, canvas);
      const missing = r.diagram ? '' : ' (without the diagram, which is not available)';
      if (job === 'html') {
        downloadText(r.html, names.html, 'text/html');
        return `Downloaded ${names.html}${missing}. Open it in a browser to read or print it.`;
      }
      if (job === 'markdown') {
        downloadText(r.markdown, names.markdown, 'text/markdown');
        return `Downloaded ${names.markdown}. It shows the diagram from ${names.png}: download the PNG too and upload both.`;
      }
      if (!(await copyText(r.markdown))) throw new Error('the browser did not allow copying to the clipboard.');
      return `Markdown copied: paste it into the wiki page, then upload the diagram PNG as ${names.png}.`;
    });

  return (
    <Modal title="Export" onClose={onClose}>
      <section aria-labelledby="export-diagram">
        <h3 id="export-diagram">Diagram</h3>
        <p>The whole diagram, not just what is in view, with the highlighted path and the legend.</p>
        {!diagramReady && <p className="files-hint">The diagram is not available yet, so it cannot be exported.</p>}
        <div className="files-row">
          <fieldset>
            <legend>Size</legend>
            {([1, 2, 4] as const).map((s) => (
              <label key={s}>
                <input type="radio" name="png-scale" checked={scale === s} onChange={() => setScale(s)} /> {s}×
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Background</legend>
            {(['white', 'transparent'] as const).map((b) => (
              <label key={b}>
                <input type="radio" name="png-background" checked={background === b} onChange={() => setBackground(b)} /> {b === 'white' ? 'White' : 'Transparent'}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="files-row">
          <button type="button" className="files-primary" disabled={!diagramReady || busy !== null} onClick={png}>
            Download PNG
          </button>
          <button type="button" disabled={!diagramReady || busy !== null} onClick={svg}>
            Download SVG
          </button>
        </div>
      </section>
      <section aria-labelledby="export-report">
        <h3 id="export-report">Design report</h3>
        <p>
          Topology summary, cluster networks with their role, metric and live migration order, the path between every pair of nodes in both modes, diagnostics and
          the diagram.{failed > 0 && ` It includes the ${failed} simulated failure${failed === 1 ? '' : 's'} now on screen.`}
        </p>
        <div className="files-row">
          <button type="button" className="files-primary" disabled={busy !== null} onClick={() => report('html')}>
            Download HTML (printable)
          </button>
          <button type="button" disabled={busy !== null} onClick={() => report('markdown')}>
            Download Markdown
          </button>
          <button type="button" disabled={busy !== null} onClick={() => report('copy-markdown')}>
            Copy Markdown
          </button>
        </div>
      </section>
      <p role="status" className={status?.ok === false ? 'failure' : 'files-status'}>
        {busy ? 'Exporting…' : status?.text}
      </p>
    </Modal>
  );
}
