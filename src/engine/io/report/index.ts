/** The design report, in Markdown (for wikis) and printable HTML, from one model. */
import type { AllPairsResult, Diagnostic, Topology } from '../../model/types';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { buildReportModel, type ReportOptions } from './model';

export type { ReportOptions } from './model';
export { escapeHtml } from './html';
export { escapeMarkdown } from './markdown';

export function buildReport(topology: Topology, allPairs: AllPairsResult, diagnostics: Diagnostic[], options: ReportOptions = {}): { markdown: string; html: string } {
  const model = buildReportModel(topology, allPairs, diagnostics, options);
  return { markdown: renderMarkdown(model), html: renderHtml(model) };
}
