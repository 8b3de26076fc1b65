/** The report's maintenance section: every node in turn and the assumptions, in HTML and Markdown. */
import { describe, expect, it } from 'vitest';
import { analyzeAllPairs, type TopologyDocument } from '../../src/engine';
import { buildReport } from '../../src/engine/io';
import { load, readFixture } from './helpers';

function report(doc: TopologyDocument) {
  const t = load(doc);
  return buildReport(t, analyzeAllPairs(t), [], { legacyTimeoutSeconds: 20 });
}

describe('report: maintenance section', () => {
  it('has the every-node table with sums and the assumptions, in both formats', () => {
    const { markdown, html } = report(readFixture('switchless-3-node-vms.json') as TopologyDocument);
    // From expected-drains.json and the n3 row of plan-tools.test.ts: 66.513 → 1 min 7 s, 88.355 → 1 min 28 s.
    expect(markdown).toContain('## Maintenance: draining every node in turn (estimates)');
    expect(markdown).toContain('| HV01 | 5 | 104 | 1 min 7 s | 1 min 28 s | 1 min |');
    expect(markdown).toContain('| HV03 | 1 | 16 | 11 s | 51 s | 40 s |');
    expect(markdown).toContain('| All nodes | 8 | 216 | 2 min 19 s | 4 min 1 s | 3 min |');
    expect(markdown).toContain('- SMB bandwidth limit: 25 % of the node\'s physical bandwidth');
    expect(markdown).toContain('- Parallel migrations: 2 at a time per node');
    expect(markdown).toContain('Estimates, not measurements');
    expect(html).toContain('<h2>Maintenance: draining every node in turn (estimates)</h2>');
    expect(html).toContain('<tr><th scope="row">All nodes</th><td class="num">8</td>');
    expect(html).toContain('<tr><th scope="row">Transport</th><td>SMB at 0.9 × the wire rate</td></tr>');
  });

  it('is left out of designs without VMs, and VM names are escaped where they appear', () => {
    const plain = report(readFixture('switchless-3-node.json') as TopologyDocument);
    expect(plain.markdown).not.toContain('Maintenance');
    expect(plain.html).not.toContain('Maintenance');
    const doc = readFixture('switchless-3-node-vms.json') as TopologyDocument;
    doc.nodes![0]!.name = '<img src=x onerror=alert(1)>';
    const hostile = report(doc);
    expect(hostile.html).not.toContain('<img src=x');
    expect(hostile.html).toContain('&lt;img src=x onerror=alert(1)&gt;</td><td class="num">5</td>');
  });
});
