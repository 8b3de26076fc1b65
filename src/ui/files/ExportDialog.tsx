/**
 * Export: the diagram (the design alone or with the current pair; whole or on A4/A3/Letter pages)
 * as PNG or SVG, and the design report.
 */
import { useState } from 'react';
import type { ExportOptions, ExportedPage, PngOptions } from '../../canvas/api';
import { PAGE_SIZES } from '../../canvas/export/pages';
import { exportFileNames, pageFileName } from '../../engine/io';
import { modeInSentence, nodeName } from '../../engine';
import { useCanvasApi } from '../CanvasContext';
import { useApp, useAppStore } from '../StoreContext';
import { copyText, downloadBlob, downloadText } from './browser';
import { makeReport } from './makeReport';
import { Modal } from '../common/Modal';

type Job = 'png' | 'svg' | 'drawio' | 'markdown' | 'copy-markdown' | 'html';

/** Downloads every page; says what was written. */
function downloadPages<T>(pages: ExportedPage<T>[], fileName: string, save: (data: T, name: string) => void): string {
  const names = pages.map((p, i) => pageFileName(fileName, i, pages.length, p.title));
  pages.forEach((p, i) => save(p.data, names[i]!));
  return pages.length === 1 ? `Downloaded ${names[0]}.` : `Downloaded ${pages.length} pages: ${names[0]} … ${names[names.length - 1]}.`;
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStore();
  const canvas = useCanvasApi();
  const names = exportFileNames(useApp((s) => s.document));
  const failed = useApp((s) => s.ui.failed.length);
  const pairText = useApp((s) => (s.ui.sourceNodeId && s.ui.destinationNodeId ? `${nodeName(s.design, s.ui.sourceNodeId)} → ${nodeName(s.design, s.ui.destinationNodeId)}, ${modeInSentence(s.ui.mode)}` : null));
  const [withPair, setWithPair] = useState(true);
  const [page, setPage] = useState<ExportOptions['page']>('whole');
  const [scale, setScale] = useState<PngOptions['scale']>(2);
  const [background, setBackground] = useState<PngOptions['background']>('white');
  const [busy, setBusy] = useState<Job | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const diagramReady = canvas.current !== null;
  const pair = withPair && pairText !== null;
  const options: ExportOptions = { pair, page };

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

  const png = () => run('png', async () => downloadPages(await canvas.current!.exportPng({ ...options, scale, background }), names.png, downloadBlob));
  const svg = () => run('svg', async () => downloadPages(await canvas.current!.exportSvg(options), names.svg, (text, name) => downloadText(text, name, 'image/svg+xml')));
  const drawio = () =>
    run('drawio', async () => {
      downloadText(await canvas.current!.exportDrawio({ pair }), names.drawio, 'application/vnd.jgraph.mxfile');
      return `Downloaded ${names.drawio}. Open it in draw.io (diagrams.net)${pair ? ': the path is on its own layer, "Migration path"' : ''}.`;
    });
  const report = (job: 'markdown' | 'copy-markdown' | 'html') =>
    run(job, async () => {
      const r = await makeReport(store, canvas, { pair, page: page === 'whole' ? 'a4' : page });
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
        <p>The whole diagram, not just what is in view, with the legend of what it shows. The selection is never drawn.</p>
        {!diagramReady && <p className="files-hint">The diagram is not available yet, so it cannot be exported.</p>}
        <div className="files-row">
          <fieldset>
            <legend>Show</legend>
            <label>
              <input type="radio" name="export-pair" checked={!pair} onChange={() => setWithPair(false)} /> The design alone
            </label>
            <label>
              <input type="radio" name="export-pair" checked={pair} disabled={pairText === null} onChange={() => setWithPair(true)} /> {pairText ? `With the pair ${pairText}` : 'With a pair (pick two nodes first)'}
            </label>
          </fieldset>
          <label className="files-field">
            Page{' '}
            <select value={page} onChange={(e) => setPage(e.target.value as ExportOptions['page'])}>
              <option value="whole">Whole diagram (no page)</option>
              {(Object.keys(PAGE_SIZES) as (keyof typeof PAGE_SIZES)[]).map((k) => (
                <option key={k} value={k}>
                  {PAGE_SIZES[k].label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {page !== 'whole' && <p className="files-hint">Text is printed at 8 pt or larger. A cluster too large for one page gets an overview page and a page (or several) per site.</p>}
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
          <button type="button" disabled={!diagramReady || busy !== null} onClick={drawio}>
            Download draw.io
          </button>
        </div>
      </section>
      <section aria-labelledby="export-report">
        <h3 id="export-report">Design report</h3>
        <p>
          Topology summary, cluster networks with their role, metric and live migration order, the path between every pair of nodes in both modes, diagnostics and
          the diagram ({page === 'whole' ? 'on A4 pages' : `on ${PAGE_SIZES[page].label} pages`}).{failed > 0 && ` It includes the ${failed} simulated failure${failed === 1 ? '' : 's'} now on screen.`}
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
