/** Issue 17: notices that do not go stale, the Example menu protecting work, the saved state shown. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../../src/examples';
import { NOTICE_FADE_MS } from '../../src/store/appStore';
import { SaveState } from '../../src/ui/frame/SaveState';
import { EmptyHint } from '../../src/ui/frame/EmptyHint';
import { NoticeBar } from '../../src/ui/NoticeBar';
import { Toolbar } from '../../src/ui/Toolbar';
import { renderWith } from './DesignerSupport';

function Shell() {
  return (
    <>
      <SaveState />
      <Toolbar />
      <NoticeBar />
    </>
  );
}

const chooseExample = (id: string) => fireEvent.change(screen.getByLabelText('Example'), { target: { value: id } });

afterEach(() => {
  vi.useRealTimers();
});

describe('notices (issue 17, defect 1)', () => {
  it('a new topology clears the notice about the previous one', () => {
    const store = renderWith(<Shell />);
    act(() => store.getState().actions.notify({ kind: 'info', text: "Opened 'x.json'. Undo brings back the previous topology." }));
    expect(screen.getByRole('status')).toHaveTextContent("Opened 'x.json'");
    chooseExample('switched-4-node');
    expect(store.getState().design.name).toBe(EXAMPLES[1]!.document.name);
    expect(screen.queryByText(/Opened 'x.json'/)).toBeNull();
  });

  it('an edit or an undo clears a refused file\'s errors; data offered for download stays', () => {
    const store = renderWith(<Shell />);
    act(() => store.getState().actions.notify({ kind: 'error', text: "'y.json' was not opened.", errors: [{ path: 'nodes[0]', message: 'bad' }] }));
    act(() => void store.getState().actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'HV01a' } }));
    act(() => store.getState().actions.undo());
    expect(screen.queryByText(/was not opened/)).toBeNull();
    act(() => store.getState().actions.notify({ kind: 'error', text: 'Autosave unreadable', download: { filename: 'a.json', content: '{' } }));
    act(() => store.getState().actions.undo());
    act(() => store.getState().actions.redo());
    expect(screen.getByRole('alert')).toHaveTextContent('Autosave unreadable');
  });

  it('a notice that only informs fades by itself; an error stays', () => {
    vi.useFakeTimers();
    const store = renderWith(<Shell />);
    act(() => store.getState().actions.notify({ kind: 'info', text: 'Link copied (900 characters).' }));
    act(() => vi.advanceTimersByTime(NOTICE_FADE_MS - 100));
    expect(screen.getByRole('status')).toHaveTextContent('Link copied');
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => store.getState().actions.notify({ kind: 'error', text: 'The browser did not allow copying.' }));
    act(() => vi.advanceTimersByTime(NOTICE_FADE_MS * 3));
    expect(screen.getByRole('alert')).toHaveTextContent('did not allow copying');
  });
});

describe('protecting unsaved work (issue 17, defects 2 and 3)', () => {
  it('the Example menu asks before replacing unsaved work; Keep my work keeps it', () => {
    const store = renderWith(<Shell />);
    act(() => void store.getState().actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'Mine' } }));
    const mine = store.getState().document;
    chooseExample('switched-4-node');
    const dialog = screen.getByRole('dialog', { name: 'Open the example?' });
    expect(dialog).toHaveTextContent('Switched 4-node');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my work' }));
    expect(store.getState().document).toBe(mine);
    chooseExample('switched-4-node');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Open the example' }));
    expect(store.getState().design.name).toBe(EXAMPLES[1]!.document.name);
    expect(store.getState().past.at(-1)).toBe(mine);
  });

  it('an example opens at once when nothing is unsaved', () => {
    const store = renderWith(<Shell />);
    chooseExample('switched-4-node');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().design.name).toBe(EXAMPLES[1]!.document.name);
  });

  it('shows saved / unsaved in the header, the Save button and the browser tab title', () => {
    const store = renderWith(<Shell />);
    const name = store.getState().design.name;
    // Issue 27: no file yet, so not "Saved": the browser keeps it.
    expect(screen.getByTestId('save-state')).toHaveTextContent('Kept in this browser · no file yet');
    expect(document.title).toBe(`${name} — LM Path Visualizer`);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveTextContent(/^Save$/);
    act(() => void store.getState().actions.edit({ type: 'update-node', id: 'n1', patch: { name: 'Mine' } }));
    expect(screen.getByTestId('save-state')).toHaveTextContent('Unsaved changes');
    expect(document.title).toBe(`• ${name} — LM Path Visualizer`);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveTextContent('Save •');
    act(() => store.getState().actions.markSaved());
    expect(document.title).toBe(`${name} — LM Path Visualizer`);
  });

  it('after New topology the header says the browser keeps it and there is no file yet; Save makes it "Saved" (issue 27)', async () => {
    const store = renderWith(<Shell />);
    act(() => store.getState().actions.newTopology());
    const state = screen.getByTestId('save-state');
    expect(state).not.toHaveTextContent(/^Saved$/);
    expect(state).toHaveTextContent('Kept in this browser · no file yet');
    expect(state.title).toMatch(/Autosave keeps this topology in this browser, but it is not saved to a file yet/);
    act(() => store.getState().actions.setAutosave({ kind: 'off' }));
    expect(state).toHaveTextContent('Not saved to a file');
    URL.createObjectURL = vi.fn(() => 'blob:test/1');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { saveTopology } = await import('../../src/ui/files/fileActions');
    act(() => void saveTopology(store));
    expect(state).toHaveTextContent(/^Saved$/);
  });
});

describe('an empty topology (issue 17, friction)', () => {
  it('says what to do next, and says nothing once there is something', () => {
    const store = renderWith(<EmptyHint />);
    expect(screen.queryByRole('note', { name: 'Empty topology' })).toBeNull();
    act(() => store.getState().actions.newTopology());
    expect(screen.getByRole('note', { name: 'Empty topology' })).toHaveTextContent('Drag a node, network or router from the palette');
    expect(screen.getByRole('note', { name: 'Empty topology' })).toHaveTextContent('Example menu');
    act(() => void store.getState().actions.edit({ type: 'add-node' }));
    expect(screen.queryByRole('note', { name: 'Empty topology' })).toBeNull();
  });
});
