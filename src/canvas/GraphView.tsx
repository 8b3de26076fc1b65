/** The diagram (placeholder until the cytoscape adapter lands). */
export function GraphView() {
  return <div className="graph-view" data-testid="graph" />;
}
