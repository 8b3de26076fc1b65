// @vitest-environment jsdom
/** The design report: what it says, and that hostile names are text in both formats. */
import { describe, expect, it } from 'vitest';
import { analyzeAllPairs, parseTopology, type TopologyDocument } from '../../src/engine';
import { buildReport } from '../../src/engine/io';
import { EXAMPLES } from '../../src/examples';

const XSS = '<img src=x onerror=alert(1)>';

function report(doc: TopologyDocument, options: Parameters<typeof buildReport>[3] = {}) {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return buildReport(r.topology, analyzeAllPairs(r.topology), r.diagnostics, options);
}

/** Cells of a Markdown table row, honouring backslash escapes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '\\') cur += line[i]! + (line[++i] ?? '');
    else if (line[i] === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += line[i];
  }
  return out;
}

function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  const rows: string[][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]!.startsWith('|')) rows.push(cells(lines[i]!));
    else if (rows.length) break;
  }
  return rows;
}

/** The two-site example with every user string made hostile. */
function hostile(): TopologyDocument {
  const doc = structuredClone(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
  doc.name = `${XSS} | *design* \`x\``;
  doc.description = `Line one\nline two </p><script>alert(2)</script>`;
  doc.nodes![0]!.name = XSS;
  doc.nodes![1]!.name = 'pipe|node';
  doc.networks![0]!.name = "<b>bold</b> & 'quoted' \"net\"";
  doc.routers![0]!.name = '[link](javascript:alert(3))';
  doc.sites![0]!.name = '</td></tr></table><h1>site';
  // A line separator: line breaks proper (control characters) are refused by the parser.
  doc.nics![0]!.name = 'nic\u2028with newline';
  return doc;
}

describe('buildReport', () => {
  it('has the all-pairs table with both modes, one row per ordered pair', () => {
    const { markdown } = report(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
    const rows = tableAfter(markdown, '## Live migration paths between every pair of nodes');
    expect(rows[0]).toEqual(['Source', 'Destination', '2025 network', '2025 kind', '2025 fallbacks', 'Legacy network', 'Legacy kind', 'Legacy fallbacks', 'Legacy delay']);
    expect(rows).toHaveLength(2 + 12);
    expect(rows).toContainEqual(['HV01', 'HV03', 'Live Migration A → Live Migration B', 'routed via Router A → Router B', 'none', 'no path', 'no enabled network connects the pair', '—', 'never (gives up after 40 s)']);
    expect(rows).toContainEqual(['HV03', 'HV04', 'Live Migration B', 'direct', 'none', 'Live Migration B', 'direct', 'none', '20 s']);
  });

  it('counts the pairs legacy never migrates apart from those that wait (issue 17)', () => {
    const { markdown } = report(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document, { legacyTimeoutSeconds: 20 });
    const summary = tableAfter(markdown, '## Summary');
    // Connecting pairs: HV01↔HV02 at once, HV03↔HV04 after 20 s: mean (0 + 0 + 20 + 20) / 4 = 10 s.
    expect(summary.find((r) => r[0] === 'Legacy start delay (pairs that connect)')![1]).toBe('up to 20 s, 10 s on average over 4 pairs; 2 of them wait for timeouts (20 s per timed-out network)');
    expect(summary.find((r) => r[0] === 'Pairs legacy never migrates')![1]).toBe('8 (legacy gives up after 40 s)');
  });

  it('lists the networks in live migration order with role, metric and whether live migration uses them', () => {
    const { markdown } = report(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
    const rows = tableAfter(markdown, '## Cluster networks');
    expect(rows.slice(2).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['1', 'Live Migration A', 'enabled'],
      ['2', 'Live Migration B', 'enabled'],
      ['—', 'Management A', 'excluded'],
      ['—', 'Management B', 'excluded'],
    ]);
    // Derived fact 4 (1.2): cluster 40000 − 2500 (25 Gbps NICs, no RDMA) + position 2.
    expect(rows[2]!.slice(3, 5)).toEqual(['Cluster only (derived)', '37502 (automatic)']);
  });

  it('on the cluster’s default order says so, and puts the cluster’s own network last', () => {
    const doc = structuredClone(EXAMPLES.find((e) => e.id === 'two-site-routed')!.document);
    doc.liveMigration = { excludedNetworks: ['mgmt-a', 'mgmt-b'] };
    const { markdown } = report(doc);
    // Live Migration A 37502 and B 37503 (cluster only, 25 Gbps): A is the cluster's own network → last.
    expect(tableAfter(markdown, '## Cluster networks').slice(2, 4).map((r) => [r[0], r[1]])).toEqual([
      ['1 (cluster default: by metric)', 'Live Migration B'],
      ["2 (cluster default: the cluster's own network goes last)", 'Live Migration A'],
    ]);
    expect(tableAfter(markdown, '## Summary').find((r) => r[0] === 'Live migration order')![1]).toBe(
      "Live Migration B → Live Migration A — The cluster's default order (no MigrationNetworkOrder): by metric, lowest first, except 'Live Migration A', which carries the cluster's own traffic (heartbeats, CSV) and is tried last.",
    );
  });

  it('says the transport, and RDMA only for SMB Direct streams', () => {
    const doc = structuredClone(EXAMPLES.find((e) => e.id === 'switched-4-node')!.document);
    const plain = report(doc).markdown;
    expect(tableAfter(plain, '## Summary').find((r) => r[0] === 'Transport')![1]).toBe("Compression (Windows' default): one TCP connection per migration · up to 1 parallel live migration per node · SMB bandwidth limit 25 % of a node's physical bandwidth");
    expect(tableAfter(plain, '## Live migration paths between every pair of nodes').find((r) => r[0] === 'HV01' && r[1] === 'HV03')![3]).toBe('direct');
    doc.liveMigration = { ...doc.liveMigration, transport: 'smb' };
    const smb = report(doc).markdown;
    // Storage 1 chosen, Storage 2's NICs match (25 Gb/s, RDMA): two streams, both SMB Direct.
    expect(tableAfter(smb, '## Live migration paths between every pair of nodes').find((r) => r[0] === 'HV01' && r[1] === 'HV03')![3]).toBe('direct · SMB Multichannel, 2 streams · RDMA (SMB Direct)');
    expect(tableAfter(smb, '## Nodes').find((r) => r[0] === 'HV01')![3]).toContain('SLOT 3 Port 1 (10.10.1.11/24, 25 Gb/s, RDMA-capable)');
  });

  it('with SMB Multichannel on other networks (1.2), names them and says the chosen pair is idle', () => {
    const rows = tableAfter(report(EXAMPLES.find((e) => e.id === 'smb-multichannel')!.document).markdown, '## Live migration paths between every pair of nodes');
    expect(rows.find((r) => r[0] === 'HV01' && r[1] === 'HV02')!.slice(2, 4)).toEqual([
      'Live migration',
      "direct · SMB Multichannel, 2 streams on 'Storage A', 'Storage B' (the chosen pair idle) · RDMA (SMB Direct)",
    ]);
    expect(rows.find((r) => r[0] === 'HV01' && r[1] === 'HV03')![3]).toBe("direct · SMB Multichannel, 1 stream on 'Storage A' (the chosen pair idle) · RDMA (SMB Direct)");
  });

  it('shows fallbacks, diagnostics, the summary and the simulated failures', () => {
    const { markdown, html } = report(EXAMPLES.find((e) => e.id === 'switched-4-node')!.document, { simulatedFailures: ["network 'Storage 2'"], generatedAt: '2025-06-01 10:00 UTC' });
    const rows = tableAfter(markdown, '## Live migration paths between every pair of nodes');
    expect(rows.find((r) => r[0] === 'HV01' && r[1] === 'HV03')![4]).toBe('Storage 2');
    expect(markdown).toContain("> **What-if:** this report simulates the failure of network 'Storage 2'.");
    expect(markdown).toContain('_Generated by LM Path Visualizer on 2025-06-01 10:00 UTC._');
    expect(tableAfter(markdown, '## Summary').find((r) => r[0] === 'Node pairs')).toEqual(['Node pairs', '12']);
    expect(html).toContain('this report simulates the failure of network &#39;Storage 2&#39;');
    const noPath = report({ format: 'lm-topology', version: 1, name: 'Lonely', nodes: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
    expect(noPath.markdown).toMatch(/## Diagnostics\n\n- No live migration path/);
  });

  it('refers to the diagram file in Markdown and embeds it in HTML', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { markdown, html } = report(EXAMPLES[0]!.document, { diagramPng: png, diagramFileName: 'My design (v2).diagram.png' });
    expect(markdown).toContain('![Diagram of Switchless 3-node cluster](My%20design%20%28v2%29.diagram.png)');
    const img = new DOMParser().parseFromString(html, 'text/html').querySelector('figure img')!;
    expect(img.getAttribute('src')).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect(report(EXAMPLES[0]!.document).html).toContain('The diagram was not available');
    // A real PNG header: shown at its natural size, the 2× render at half its pixel width.
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x06, 0x68, 0, 0, 0x03, 0x20]);
    const sized = new DOMParser().parseFromString(report(EXAMPLES[0]!.document, { diagramPng: header, diagramScale: 2 }).html, 'text/html');
    expect(sized.querySelector('figure img')!.getAttribute('width')).toBe(String(0x668 / 2));
  });

  it('produces a self-contained HTML page that forbids scripts and network access', () => {
    const { html } = report(EXAMPLES[0]!.document);
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(page.querySelectorAll('script, link, iframe, object')).toHaveLength(0);
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.querySelector('style')!.textContent).toContain('@media print');
  });

  it('keeps hostile names as text in the HTML: no element or attribute comes from a name', () => {
    const { html } = report(hostile(), { diagramPng: new Uint8Array([1, 2, 3]) });
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(page.querySelectorAll('img')).toHaveLength(1); // the diagram only
    expect(page.querySelectorAll('script, b, h1:not(:first-of-type)')).toHaveLength(0);
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect([...page.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect(page.title).toBe(`Live migration design: ${XSS} | *design* \`x\``);
    const text = page.body.textContent!;
    for (const s of [XSS, "<b>bold</b> & 'quoted' \"net\"", '[link](javascript:alert(3))', '</td></tr></table><h1>site', '</p><script>alert(2)</script>']) expect(text).toContain(s);
    // The pairs table keeps its shape: 2 + 7 header cells, 9 cells in every row.
    const pairs = [...page.querySelectorAll('table')].at(-1)!;
    expect([...pairs.querySelectorAll('tbody tr')].every((tr) => tr.children.length === 9)).toBe(true);
    expect(pairs.querySelectorAll('tbody tr')).toHaveLength(12);
  });

  it('keeps hostile names as text in the Markdown: no HTML, no link, and tables keep their columns', () => {
    const { markdown } = report(hostile());
    expect(markdown).not.toMatch(/<(img|script|b|h1|\/td|\/p)\b/i);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(markdown).toContain('\\[link\\](javascript:alert(3))');
    expect(markdown.split('\n')[0]).toBe('# Live migration design: &lt;img src=x onerror=alert(1)&gt; \\| \\*design\\* \\`x\\`');
    const pairs = tableAfter(markdown, '## Live migration paths between every pair of nodes');
    expect(pairs).toHaveLength(14);
    expect(pairs.every((r) => r.length === 9)).toBe(true);
    expect(pairs.some((r) => r[0] === 'pipe\\|node')).toBe(true);
    const nodes = tableAfter(markdown, '## Nodes');
    expect(nodes.every((r) => r.length === 4)).toBe(true);
    expect(nodes[2]![3]).toContain('nic with newline');
  });
});
