/** `npm run bench`: every benchmark, figures printed. */
import { benchEngine } from './engine.bench';
import { benchAnalysis } from './analysis.bench';
import { benchPlanner } from './planner.bench';
import { benchExport } from './export.bench';
import { benchLimits } from './limits.bench';

console.log('# LM Path Visualizer benchmarks');
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
console.log('## Engine');
benchEngine();
console.log('\n## All-pairs analysis');
benchAnalysis();
console.log('\n## Maintenance planner');
benchPlanner();
console.log('\n## Exports');
benchExport();
console.log('\n## The largest accepted design and 8,000 VMs (issue 24)');
benchLimits();
