/**
 * Saving: the document exactly as held, as stable JSON. Field order is the document's own (JSON
 * keeps insertion order both ways), so save → open → save gives the same bytes, unknown top-level
 * fields and layout included.
 */
import type { TopologyDocument } from '../model/types';

export const TOPOLOGY_EXTENSION = '.lm-topology.json';

export function serializeTopology(doc: TopologyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A file name from a user-provided topology name, made only of `[A-Za-z0-9._-]`: accents are
 * dropped (`Zürich` → `Zurich`), anything else becomes '-'. A name is a command to a shell that
 * runs the file by name (Explorer's "Run with PowerShell" is `& '%1'`), so no quote, `;`, `$`,
 * `(` or space may reach it; names Windows reserves (`CON`, `NUL`, …) get a leading '_'.
 */
export function baseFileName(name: string | undefined, fallback = 'topology'): string {
  const cleaned = (name ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 80)
    .replace(/^[.-]+|[.-]+$/g, '');
  if (cleaned === '') return fallback;
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned) ? `_${cleaned}` : cleaned;
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
    powershell: `apply-${base}.ps1`,
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
