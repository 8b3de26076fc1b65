/** Gathers what the design report needs from the store and the diagram. */
import { nicLabel, type Topology } from '../../engine';
import { buildReport, exportFileNames } from '../../engine/io';
import type { CanvasApiHolder } from '../../canvas/api';
import { PAGE_SIZES, type PageSizeId } from '../../canvas/export/pages';
import type { AppStore } from '../../store/appStore';
import { allPairs as allPairsOf, checks } from '../../store/derived';

function failedNames(t: Topology, ids: string[]): string[] {
  return ids.map((id) => {
    if (t.index.nodes.has(id)) return `node ${t.index.nodes.get(id)!.name}`;
    if (t.index.nics.has(id)) return `NIC ${nicLabel(t, id)}`;
    if (t.index.networks.has(id)) return `network '${t.index.networks.get(id)!.name}'`;
    if (t.index.routers.has(id)) return `router '${t.index.routers.get(id)!.name}'`;
    return id;
  });
}

/**
 * The report of what is on screen: the paths include the what-if failures, which the report
 * names; the diagram is laid out on pages of `page` (all of them: overview and sites).
 */
export async function makeReport(store: AppStore, canvas: CanvasApiHolder, diagram: { pair: boolean; page: PageSizeId }): Promise<{ markdown: string; html: string; diagram: boolean }> {
  const s = store.getState();
  const timeout = s.ui.legacyTimeoutSeconds;
  let pages: { title: string; svg: string }[] | undefined;
  try {
    pages = (await canvas.current?.exportSvg({ pair: diagram.pair, page: diagram.page }))?.map((p) => ({ title: p.title, svg: p.data }));
  } catch {
    // The report is still worth having without its picture; it says the diagram is missing.
  }
  const allPairs = allPairsOf(s);
  const diagnostics = [...s.diagnostics, ...checks(s)];
  const report = buildReport(s.effective, allPairs, diagnostics, {
    ...(pages?.length ? { diagramPages: pages, pageCss: PAGE_SIZES[diagram.page].css } : {}),
    diagramFileName: exportFileNames(s.document).png,
    generatedAt: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    legacyTimeoutSeconds: timeout,
    simulatedFailures: failedNames(s.design, s.ui.failed),
  });
  return { ...report, diagram: (pages?.length ?? 0) > 0 };
}
