/**
 * Saving: the document exactly as held, as stable JSON. Field order is the document's own (JSON
 * keeps insertion order both ways), so save → open → save gives the same bytes, unknown top-level
 * fields and layout included.
 */
import type { TopologyDocument } from '../types';

export const TOPOLOGY_EXTENSION = '.lm-topology.json';

export function serializeTopology(doc: TopologyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A file name from a user-provided topology name: characters that Windows, macOS or Linux refuse
 * in file names (and control characters) become '-', so that the download is never renamed by
 * the browser into something unrecognisable.
 */
export function baseFileName(name: string | undefined, fallback = 'topology'): string {
  const cleaned = (name ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

export const topologyFileName = (doc: TopologyDocument): string => `${baseFileName(doc.name)}${TOPOLOGY_EXTENSION}`;

/** Every file the app writes for one topology, named after it. */
export function exportFileNames(doc: TopologyDocument) {
  const base = baseFileName(doc.name);
  return {
    topology: `${base}${TOPOLOGY_EXTENSION}`,
    png: `${base}.diagram.png`,
    svg: `${base}.diagram.svg`,
    drawio: `${base}.diagram.drawio`,
    markdown: `${base}.report.md`,
    html: `${base}.report.html`,
    // Spaceless, so that it runs as .\name.ps1 without quoting.
    powershell: `apply-${base.replace(/\s+/g, '-')}.ps1`,
  };
}

/**
 * The file of one page of a diagram laid out on several: `<name>.diagram-2-site-a-part-1-of-3.png`
 * (numbered, so that a folder lists them in order). A single page keeps the plain name.
 */
export function pageFileName(fileName: string, index: number, count: number, title: string): string {
  if (count <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  const width = String(count).length;
  return `${fileName.slice(0, dot)}-${String(index + 1).padStart(width, '0')}${slug ? `-${slug}` : ''}${fileName.slice(dot)}`;
}
