/** The Export, Import cluster and PowerShell dialogs, with a fake diagram API. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVENTORY_SCRIPT, type TopologyDocument } from '../../src/engine';
import { EXAMPLES } from '../../src/examples';
import { fakeBrowser, fakeCanvas, renderFiles } from './files-harness';

const XSS = '<img src=x onerror=alert(1)>';
const routed = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;

let browser: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  browser = fakeBrowser();
});
afterEach(() => vi.restoreAllMocks());

const openDialog = (button: string, name: string) => {
  fireEvent.click(screen.getByRole('button', { name: button }));
  return screen.getByRole('dialog', { name });
};

describe('Export dialog', () => {
  it('exports the PNG at the chosen scale and background, and the SVG', async () => {
    const canvas = fakeCanvas();
    renderFiles(routed, { canvas });
    const dialog = openDialog('Export…', 'Export');
    fireEvent.click(within(dialog).getByLabelText('4×'));
    fireEvent.click(within(dialog).getByLabelText('Transparent'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download PNG' }));
    await within(dialog).findByText('Downloaded Two-site-stretched-cluster.diagram.png.');
    expect(canvas.exportPng).toHaveBeenCalledWith({ scale: 4, background: 'transparent', pair: false, page: 'whole' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download SVG' }));
    await within(dialog).findByText('Downloaded Two-site-stretched-cluster.diagram.svg.');
    expect(browser.downloads.map((d) => d.filename)).toEqual(['Two-site-stretched-cluster.diagram.png', 'Two-site-stretched-cluster.diagram.svg']);
    expect(browser.downloads[1]!.blob.type).toBe('image/svg+xml;charset=utf-8');
    expect(await browser.downloads[1]!.blob.text()).toContain('<text>HV01</text>');
  });

  it('defaults to 2× on white', async () => {
    const canvas = fakeCanvas();
    renderFiles(routed, { canvas });
    fireEvent.click(within(openDialog('Export…', 'Export')).getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(canvas.exportPng).toHaveBeenCalledWith({ scale: 2, background: 'white', pair: false, page: 'whole' }));
  });

  it('offers the design alone or with the pair (and its mode), and downloads every page of a paper layout', async () => {
    const canvas = fakeCanvas();
    canvas.exportSvg.mockResolvedValue([
      { title: 'Overview', data: '<svg/>' },
      { title: 'Site A · part 1 of 2', data: '<svg/>' },
      { title: 'Site A · part 2 of 2', data: '<svg/>' },
    ]);
    const store = renderFiles(routed, { canvas });
    const dialog = openDialog('Export…', 'Export');
    // No pair yet: only the design alone.
    expect(within(dialog).getByRole('radio', { name: 'With a pair (pick two nodes first)' })).toBeDisabled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    act(() => store.getState().actions.pickNode('n1', ['n1']));
    act(() => store.getState().actions.pickNode('n3', ['n3']));
    const again = openDialog('Export…', 'Export');
    const withPair = within(again).getByRole('radio', { name: 'With the pair HV01 → HV03, Windows Server 2025' });
    expect(withPair).toBeChecked();
    fireEvent.change(within(again).getByLabelText('Page'), { target: { value: 'a3' } });
    fireEvent.click(within(again).getByRole('button', { name: 'Download SVG' }));
    await within(again).findByText(/Downloaded 3 pages/);
    expect(canvas.exportSvg).toHaveBeenLastCalledWith({ pair: true, page: 'a3' });
    expect(browser.downloads.map((d) => d.filename)).toEqual([
      'Two-site-stretched-cluster.diagram-1-overview.svg',
      'Two-site-stretched-cluster.diagram-2-site-a-part-1-of-2.svg',
      'Two-site-stretched-cluster.diagram-3-site-a-part-2-of-2.svg',
    ]);
    fireEvent.click(within(again).getByRole('button', { name: 'Download draw.io' }));
    await within(again).findByText(/Downloaded Two-site-stretched-cluster\.diagram\.drawio\. .*"Migration path"/);
    expect(canvas.exportDrawio).toHaveBeenLastCalledWith({ pair: true });
    expect(browser.downloads.at(-1)!.filename).toBe('Two-site-stretched-cluster.diagram.drawio');
    fireEvent.click(within(again).getByRole('radio', { name: 'The design alone' }));
    fireEvent.click(within(again).getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(canvas.exportPng).toHaveBeenLastCalledWith({ scale: 2, background: 'white', pair: false, page: 'a3' }));
  });

  it('downloads the HTML report with the diagram embedded and the path table', async () => {
    renderFiles(routed, { canvas: fakeCanvas() });
    fireEvent.click(within(openDialog('Export…', 'Export')).getByRole('button', { name: 'Download HTML (printable)' }));
    await screen.findByText(/Downloaded Two-site-stretched-cluster\.report\.html\. Open it/);
    const html = await browser.downloads[0]!.blob.text();
    // The fake diagram's one SVG page, embedded as an image (base64 of '<svg xmlns=…').
    expect(html).toContain('<figure class="page"><img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('<td>HV01</td><td>HV03</td><td>Live Migration A → Live Migration B</td>');
  });

  it('downloads and copies the Markdown report', async () => {
    renderFiles(routed, { canvas: fakeCanvas() });
    const dialog = openDialog('Export…', 'Export');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download Markdown' }));
    await within(dialog).findByText(/Downloaded Two-site-stretched-cluster\.report\.md/);
    const md = await browser.downloads[0]!.blob.text();
    expect(md).toContain('![Diagram of Two-site stretched cluster](Two-site-stretched-cluster.diagram.png)');
    expect(md).toContain('| HV01 | HV03 | Live Migration A → Live Migration B | routed via Router A → Router B |');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy Markdown' }));
    await within(dialog).findByText(/Markdown copied/);
    // The same report (its time stamp aside) goes to the clipboard.
    const stamp = /on \d{4}-\d\d-\d\d \d\d:\d\d UTC/;
    expect(browser.clipboard.writeText.mock.calls[0]![0].replace(stamp, '')).toBe(md.replace(stamp, ''));
  });

  it('without a diagram: PNG and SVG are disabled, the report says the diagram is missing', async () => {
    renderFiles(routed, { canvas: null });
    const dialog = openDialog('Export…', 'Export');
    expect(within(dialog).getByRole('button', { name: 'Download PNG' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Download SVG' })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download HTML (printable)' }));
    await within(dialog).findByText(/without the diagram, which is not available/);
    expect(await browser.downloads[0]!.blob.text()).toContain('The diagram was not available when this report was made.');
  });

  it('shows an export failure instead of failing silently', async () => {
    const canvas = fakeCanvas();
    canvas.exportSvg.mockRejectedValueOnce(new Error('canvas lost'));
    renderFiles(routed, { canvas });
    const dialog = openDialog('Export…', 'Export');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download SVG' }));
    expect(await within(dialog).findByText('The export failed: canvas lost')).toBeInTheDocument();
  });

  it('keeps the keyboard focus inside while open', () => {
    renderFiles(routed);
    const dialog = openDialog('Export…', 'Export');
    expect(document.activeElement).toBe(dialog);
    const buttons = within(dialog).getAllByRole('button').filter((b) => !b.hasAttribute('disabled'));
    buttons.at(-1)!.focus();
    fireEvent.keyDown(buttons.at(-1)!, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(buttons.at(-1));
  });

  it('closes with Escape and the close button', () => {
    renderFiles(routed);
    fireEvent.keyDown(openDialog('Export…', 'Export'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(within(openDialog('Export…', 'Export')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Import cluster dialog', () => {
  const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'inventory', name));

  it('shows the collection script with Copy and Download', async () => {
    renderFiles(routed);
    const dialog = openDialog('Import cluster…', 'Import a cluster');
    expect(within(dialog).getByLabelText('Inventory script').textContent).toBe(INVENTORY_SCRIPT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy script' }));
    await within(dialog).findByText('Copied.');
    expect(browser.clipboard.writeText).toHaveBeenCalledWith(INVENTORY_SCRIPT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download script' }));
    expect(browser.downloads[0]!.filename).toBe('Get-LmInventory.ps1');
    const bytes = new Uint8Array(await browser.downloads[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('imports an inventory file (UTF-16 here) and lists the import diagnostics', async () => {
    const store = renderFiles(routed);
    const dialog = openDialog('Import cluster…', 'Import a cluster');
    const text = fixture('ps51-two-site.json').toString('utf8').replace(/^\ufeff/, '');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    await userEvent.upload(within(dialog).getByLabelText('Inventory file'), new File([utf16], 'lm-inventory.json'));
    expect(await within(dialog).findByText(/Imported cluster 'CLU-STRETCH' from 'lm-inventory.json'/)).toBeInTheDocument();
    const notes = within(dialog).getByRole('list', { name: 'Import diagnostics' });
    expect(within(notes).getAllByText('Assumed:').length).toBeGreaterThan(0);
    expect(store.getState().design.name).toBe('CLU-STRETCH');
    expect(store.getState().past).toHaveLength(1);
  });

  it('asks before an import replaces unsaved work, keeps it when asked to, and imports when agreed (issue 27)', async () => {
    const store = renderFiles(routed);
    act(() => void store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My unsaved edit' } }));
    const mine = store.getState().document;
    const dialog = openDialog('Import cluster…', 'Import a cluster');
    const inventory = () => new File([fixture('ps51-two-site.json')], 'lm-inventory.json');
    await userEvent.upload(within(dialog).getByLabelText('Inventory file'), inventory());
    const ask = await screen.findByRole('dialog', { name: 'Import the cluster?' }, { timeout: 10_000 });
    expect(ask).toHaveTextContent("'lm-inventory.json' holds the cluster 'CLU-STRETCH'. Importing it replaces your current topology, which has changes that are not saved to a file.");
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep my work' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import the cluster?' })).toBeNull(), { timeout: 10_000 });
    expect(store.getState().document).toBe(mine);
    expect(within(dialog).queryByText(/Imported cluster/)).toBeNull();
    await userEvent.upload(within(dialog).getByLabelText('Inventory file'), inventory());
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Import the cluster?' }, { timeout: 10_000 })).getByRole('button', { name: 'Import the cluster' }));
    expect(await within(dialog).findByText(/Imported cluster 'CLU-STRETCH' from 'lm-inventory.json'/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(store.getState().past.at(-1)).toBe(mine);
  });

  it('refuses a broken inventory with its errors and leaves the topology untouched', async () => {
    const store = renderFiles(routed);
    const dialog = openDialog('Import cluster…', 'Import a cluster');
    const broken = JSON.parse(fixture('minimal.json').toString('utf8'));
    broken.version = 9;
    await userEvent.upload(within(dialog).getByLabelText('Inventory file'), new File([JSON.stringify(broken)], 'inv.json'));
    expect(await within(dialog).findByText(/'inv.json' was not imported; the topology on screen is unchanged/)).toBeInTheDocument();
    const errors = within(dialog).getByRole('list', { name: 'Import errors' });
    expect(errors.querySelector('code')?.textContent).toBe('version');
    expect(store.getState().document).toBe(routed);
  });
});

describe('PowerShell dialog', () => {
  it('shows the apply script for the design, with Copy and a UTF-8 (BOM) download', async () => {
    renderFiles(routed);
    const dialog = openDialog('PowerShell…', 'Apply to a cluster with PowerShell');
    const script = within(dialog).getByLabelText('PowerShell script').textContent!;
    expect(script).toContain('[CmdletBinding(SupportsShouldProcess = $true)]');
    expect(script).toContain("[pscustomobject]@{ Name = 'Live Migration A'; Ipv4Subnets = @('10.1.10.0') }");
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(browser.clipboard.writeText).toHaveBeenCalledWith(script));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download apply-Two-site-stretched-cluster.ps1' }));
    const bytes = new Uint8Array(await browser.downloads[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(script); // the decoder drops the BOM
  });

  it('lists every change the script makes, and what it leaves as the cluster has it', () => {
    renderFiles(routed);
    const dialog = openDialog('PowerShell…', 'Apply to a cluster with PowerShell');
    const changes = within(dialog).getByRole('list', { name: 'What the script changes' });
    expect(changes).toHaveTextContent('MigrationNetworkOrder: Live Migration A > Live Migration B.');
    expect(changes).toHaveTextContent(/MigrationExcludeNetworks: excludes 'Management A', 'Management B'; keeps every exclusion of a network the design does not name/);
    expect(changes).toHaveTextContent(/Static routes: 4 added where missing/);
    const left = within(dialog).getByRole('list', { name: 'What the script leaves as it is' });
    expect(left).toHaveTextContent(/Performance option \(TCP\/IP, Compression, SMB\): not in the design, so each node keeps its own/);
    expect(within(dialog).getByText(/saves every value it is about to change to a backup file/)).toBeInTheDocument();
  });

  it('lists warnings, and shows hostile names as text', () => {
    const doc: TopologyDocument = { format: 'lm-topology', version: 1, name: XSS, nodes: [{ id: 'a', name: XSS }], nics: [{ id: 'a1', node: 'a', name: 'E1', addresses: ['10.7.0.5/24'] }], liveMigration: { networkOrder: ['net-10-7-0-0-24'] } };
    renderFiles(doc);
    const dialog = openDialog('PowerShell…', 'Apply to a cluster with PowerShell');
    expect(within(dialog).getByRole('list', { name: 'Before you run it' })).toHaveTextContent(/Network 'Cluster Network 1' \(10\.7\.0\.0\/24\) was found from NIC addresses/);
    expect(within(dialog).getByLabelText('PowerShell script').textContent).toContain(`$DesignNodes = @(\n    '${XSS}'\n)`);
    expect(document.querySelector('img')).toBeNull();
  });
});
