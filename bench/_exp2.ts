import { parseTopology, analyzeAllPairs, selectMigrationPath } from '../src/engine';
import { generateLargestDesign } from '../test/generate';
const r = parseTopology(generateLargestDesign({ vms: true }));
if (!r.ok) throw new Error();
const t = r.topology;
const ids = t.nodes.map((n) => n.id);
for (const [s, d] of [[ids[0], ids[1]], [ids[0], ids[20]], [ids[0], ids[127]]]) {
  let t0 = performance.now();
  for (let i = 0; i < 5; i++) { const sel = selectMigrationPath(t, s!, d!, { mode: 'ws2025' }); if (i === 0) console.log('paths', sel.fallbacks.length, 'json KB', JSON.stringify(sel).length / 1024); }
  console.log(s, d, 'ms per selection', (performance.now() - t0) / 5);
}
