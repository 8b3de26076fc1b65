/**
 * A signal that the diagram has mounted (the adapter created, the view drawn once). The diagram
 * loads as a chunk of its own (decision 151), so the start of the app — which tells autosave that
 * what it restored could be shown (src/main.tsx, `Started`) — waits for this, not for the first frame.
 * A small module of the first chunk: main.tsx and GraphView both import it.
 */
let resolve: () => void = () => {};
export const diagramMounted: Promise<void> = new Promise((r) => {
  resolve = r;
});
export function markDiagramMounted(): void {
  resolve();
}
