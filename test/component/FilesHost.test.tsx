/** Open, save, drop, shortcuts and share links, through the UI as App mounts it. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeShareLink, encodeShareLink, MAX_FILE_BYTES, serializeTopology } from '../../src/engine/io';
import { EXAMPLES } from '../../src/examples';
import { fakeBrowser, renderFiles } from './files-harness';
import { splitShareFragment } from '../../src/ui/files/fileActions';

const first = EXAMPLES[0]!.document;
const other = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
const jsonFile = (text: string, name = 'design.lm-topology.json') => new File([text], name, { type: 'application/json' });
const inventory = readFileSync(join(__dirname, '..', 'fixtures', 'inventory', 'ps51-two-site.json'));

let browser: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  browser = fakeBrowser();
});
afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('Save', () => {
  it('downloads <name>.lm-topology.json with the stable JSON and marks the work saved', async () => {
    const store = renderFiles(first);
    store.getState().actions.edit({ type: 'update-topology', patch: { name: 'Edited design' } });
    expect(store.getState().savedDocument).not.toBe(store.getState().document);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // The file code loads on first use: the download follows within a few microtasks.
    await waitFor(() => expect(browser.downloads.map((d) => d.filename)).toEqual(['Edited-design.lm-topology.json']));
    expect(await browser.downloads[0]!.blob.text()).toBe(serializeTopology(store.getState().document));
    expect(store.getState().savedDocument).toBe(store.getState().document);
    // Issue 17: Save is confirmed.
    expect(await screen.findByRole('status')).toHaveTextContent("Saved 'Edited-design.lm-topology.json' to your downloads.");
  });

  it('Ctrl+Shift+E opens the Export dialog', () => {
    renderFiles(first);
    fireEvent.keyDown(window, { key: 'E', ctrlKey: true, shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'Export' })).toBeInTheDocument();
  });

  it('answers Ctrl+S', async () => {
    renderFiles(first);
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(browser.downloads.map((d) => d.filename)).toEqual(['Switchless-3-node-cluster.lm-topology.json']));
  });
});

describe('Open', () => {
  it('Ctrl+O and the Open button open the file picker', () => {
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    renderFiles(first);
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Open…' }));
    expect(click).toHaveBeenCalledTimes(2);
    expect(click.mock.contexts[0]).toBe(screen.getByLabelText('Open topology file'));
  });

  it('loads a valid file as one undoable step and says so', async () => {
    const store = renderFiles(first);
    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile(serializeTopology(other)));
    await waitFor(() => expect(store.getState().document).toEqual(other));
    expect(store.getState().savedDocument).toBe(store.getState().document);
    expect(screen.getByRole('status')).toHaveTextContent("Opened 'design.lm-topology.json'.");
    act(() => store.getState().actions.undo());
    expect(store.getState().document).toBe(first);
  });

  it('refuses an invalid file, lists its errors with their paths and leaves the topology untouched', async () => {
    const store = renderFiles(first);
    const bad = { ...other, nodes: [{ id: 'n1', name: 'HV01', colour: 'red' }] };
    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile(JSON.stringify(bad), 'bad.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("'bad.json' was not opened: the topology on screen is unchanged.");
    expect(within(alert).getByText('nodes[0].colour')).toBeInTheDocument();
    expect(store.getState().document).toBe(first);
    expect(store.getState().past).toHaveLength(0);
  });

  it('refuses text that is not JSON, and a file over 10 MB without reading it', async () => {
    const store = renderFiles(first);
    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile('{ "format": ', 'broken.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is not valid JSON: it ends too early, at line 1, column 13. Was it cut off?');
    const huge = jsonFile('{}', 'huge.json');
    Object.defineProperty(huge, 'size', { value: MAX_FILE_BYTES + 1 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    await userEvent.upload(screen.getByLabelText('Open topology file'), huge);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/'huge.json' was not opened.*files over 10\.0 MB are not opened/));
    expect(read).not.toHaveBeenCalled();
    expect(store.getState().document).toBe(first);
  });

  it('imports a cluster inventory opened by mistake and shows what the import assumed', async () => {
    const store = renderFiles(first);
    await userEvent.upload(screen.getByLabelText('Open topology file'), new File([inventory], 'lm-inventory.json'));
    const dialog = await screen.findByRole('dialog', { name: 'Import a cluster' });
    expect(within(dialog).getByText(/Imported cluster 'CLU-STRETCH' from 'lm-inventory.json': \d+ nodes/)).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Import diagnostics' }).textContent).toMatch(/Assumed/);
    expect(store.getState().design.name).toBe('CLU-STRETCH');
  });

  it('opens a file dropped anywhere on the page, showing a drop target while dragging', async () => {
    const store = renderFiles(first);
    const file = jsonFile(serializeTopology(other));
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByText('Drop a topology or cluster inventory file to open it')).toBeInTheDocument();
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    await waitFor(() => expect(store.getState().document).toEqual(other));
    expect(screen.queryByText('Drop a topology or cluster inventory file to open it')).toBeNull();
  });
});

describe('Share links', () => {
  it('Copy link writes the address with the topology in a #share= fragment', async () => {
    const store = renderFiles(first);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(browser.clipboard.writeText).toHaveBeenCalledTimes(1));
    const url = browser.clipboard.writeText.mock.calls[0]![0];
    expect(url.startsWith(`${window.location.origin}/#share=1.`)).toBe(true);
    const { share, view } = splitShareFragment(url.slice(url.indexOf('#')));
    const r = decodeShareLink(share);
    expect(r.ok && r.document).toEqual(store.getState().document);
    expect(view).toEqual({ pair: null, mode: 'ws2025' });
    expect(await screen.findByRole('status')).toHaveTextContent(/^Link copied \(\d+ characters\)/);
  });

  it('a link carries the pair and the mode, so the recipient sees the same path (issue 17)', async () => {
    const store = renderFiles(first);
    act(() => {
      store.getState().actions.setSource('n2');
      store.getState().actions.setDestination('n3');
      store.getState().actions.setMode('legacy');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(browser.clipboard.writeText).toHaveBeenCalledTimes(1));
    const url = browser.clipboard.writeText.mock.calls[0]![0];
    expect(url).toMatch(/&pair=n2,n3&mode=legacy$/);
    cleanup();
    const other = renderFiles(EXAMPLES[1]!.document);
    act(() => {
      window.history.replaceState(null, '', `/${url.slice(url.indexOf('#'))}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    // The share-link code loads on demand: the topology follows within a few microtasks.
    await waitFor(() => expect(other.getState().document).toEqual(first));
    expect(other.getState().ui).toMatchObject({ sourceNodeId: 'n2', destinationNodeId: 'n3', mode: 'legacy' });
  });

  it('opens a shared topology on start and removes the fragment', async () => {
    window.history.replaceState(null, '', `/#${encodeShareLink(other)}`);
    const store = renderFiles(first);
    // The share link code loads when there is a fragment: the topology follows within a few microtasks.
    await waitFor(() => expect(store.getState().document).toEqual(other));
    expect(window.location.hash).toBe('');
    expect(screen.getByRole('status')).toHaveTextContent("Opened the shared topology 'Two-site stretched cluster'.");
  });

  it('opens a link pasted into the address bar of an open app', async () => {
    const store = renderFiles(first);
    act(() => {
      window.history.replaceState(null, '', `/#${encodeShareLink(other)}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(store.getState().document).toEqual(other));
  });

  it('asks before replacing unsaved work, and keeps it when asked to', async () => {
    window.history.replaceState(null, '', `/#${encodeShareLink(other)}`);
    const store = renderFiles(first);
    await waitFor(() => expect(store.getState().document).toEqual(other)); // nothing unsaved at start: opened at once
    act(() => {
      store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My unsaved edit' } });
    });
    const mine = store.getState().document;
    act(() => {
      window.history.replaceState(null, '', `/#${encodeShareLink(first)}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const dialog = await screen.findByRole('dialog', { name: 'Open the shared topology?' });
    expect(dialog).toHaveTextContent("The link holds the topology 'Switchless 3-node cluster'");
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my work' }));
    expect(store.getState().document).toBe(mine);
    expect(window.location.hash).toBe('');
    act(() => {
      window.history.replaceState(null, '', `/#${encodeShareLink(first)}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the shared topology' }));
    expect(store.getState().document).toEqual(first);
    act(() => store.getState().actions.undo());
    expect(store.getState().document).toBe(mine);
  });

  it('asks at start when the work restored from the last session has unsaved changes', async () => {
    window.history.replaceState(null, '', `/#${encodeShareLink(other)}`);
    const restored = { ...first, name: 'Work restored from autosave' };
    const store = renderFiles(restored, { savedDocument: first });
    expect(await screen.findByRole('dialog', { name: 'Open the shared topology?' })).toBeInTheDocument();
    expect(store.getState().document).toBe(restored);
    fireEvent.click(screen.getByRole('button', { name: 'Open the shared topology' }));
    expect(store.getState().document).toEqual(other);
  });

  it('says clearly that a truncated link is incomplete and changes nothing', async () => {
    const link = encodeShareLink(other);
    window.history.replaceState(null, '', `/#${link.slice(0, link.length - 40)}`);
    const store = renderFiles(first);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The shared link could not be opened: the topology on screen is unchanged.');
    expect(alert).toHaveTextContent(/This share link is incomplete: it was cut off after \d+ of its \d+ characters/);
    expect(store.getState().document).toBe(first);
  });
});
