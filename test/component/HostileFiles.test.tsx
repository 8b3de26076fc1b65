/** Files that replace unsaved work, files the browser cannot read, and links a mail tool altered. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeShareLink, serializeTopology } from '../../src/engine/io';
import { EXAMPLES } from '../../src/examples';
import { fakeBrowser, renderFiles } from './files-harness';

const first = EXAMPLES[0]!.document;
const other = EXAMPLES.find((e) => e.id === 'two-site-routed')!.document;
const jsonFile = (text: string, name = 'design.lm-topology.json') => new File([text], name, { type: 'application/json' });

beforeEach(() => {
  fakeBrowser();
});
afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('Open… over unsaved work', () => {
  it('asks first; "Keep my work" keeps it, "Open the file" opens it (undoable)', async () => {
    const store = renderFiles(first);
    act(() => void store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My unsaved edit' } }));
    const mine = store.getState().document;
    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile(serializeTopology(other)));
    let dialog = await screen.findByRole('dialog', { name: 'Open the file?' });
    expect(dialog).toHaveTextContent("'design.lm-topology.json' holds the topology 'Two-site stretched cluster'");
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my work' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent("'design.lm-topology.json' was not opened; your work is as it was."));
    expect(store.getState().document).toBe(mine);

    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile(serializeTopology(other)));
    dialog = await screen.findByRole('dialog', { name: 'Open the file?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open the file' }));
    await waitFor(() => expect(store.getState().document).toEqual(other));
    act(() => store.getState().actions.undo());
    expect(store.getState().document).toBe(mine);
  });

  it('does not ask when the work is saved, nor for a file it refuses', async () => {
    const store = renderFiles(first);
    act(() => void store.getState().actions.edit({ type: 'update-topology', patch: { name: 'My unsaved edit' } }));
    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile('{"format":"lm-topology","version":1,"nodes":[' + '{"id":"x","name":"y"},'.repeat(129).slice(0, -1) + ']}', 'big.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent("'big.json' was not opened: the topology on screen is unchanged.");
    expect(screen.getByRole('alert')).toHaveTextContent('this app opens at most 128');
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => store.getState().actions.markSaved());
    await userEvent.upload(screen.getByLabelText('Open topology file'), jsonFile(serializeTopology(other)));
    await waitFor(() => expect(store.getState().document).toEqual(other));
  });
});

describe('files the browser cannot read', () => {
  it('a picked file removed before it was read gets a message; the topology is unchanged', async () => {
    const store = renderFiles(first);
    const gone = jsonFile('{}', 'moved.json');
    vi.spyOn(gone, 'arrayBuffer').mockRejectedValue(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
    await userEvent.upload(screen.getByLabelText('Open topology file'), gone);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("'moved.json' was not opened: the topology on screen is unchanged.");
    expect(alert).toHaveTextContent("'moved.json' could not be read: the browser could not open it. Is it a folder, or was the file moved");
    expect(store.getState().document).toBe(first);
  });

  it('a dropped folder (no readable file) gets a message', () => {
    const store = renderFiles(first);
    const dataTransfer = { types: ['Files'], files: [], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was opened: the browser gave no readable file for what was dropped');
    expect(store.getState().document).toBe(first);
  });
});

describe('#share%3D… links', () => {
  it('are opened like #share= links', async () => {
    window.history.replaceState(null, '', `/#${encodeShareLink(other).replace('share=', 'share%3D')}`);
    const store = renderFiles(first);
    // The share-link code loads on demand: the topology follows within a few microtasks.
    await waitFor(() => expect(store.getState().document).toEqual(other));
    expect(window.location.hash).toBe('');
  });
});
