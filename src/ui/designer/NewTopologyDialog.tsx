/** "New topology" when the current one has unsaved changes: ask, and say that Undo brings it back. */
import { Modal } from '../common/Modal';
import { formatShortcut } from '../commands/shortcuts';
import { useActions } from '../StoreContext';

export function NewTopologyDialog({ onClose }: { onClose: () => void }) {
  const actions = useActions();
  return (
    <Modal title="Start a new topology?" onClose={onClose}>
      <p>The current topology has changes that are not saved to a file. Starting a new, empty topology replaces it on screen; you can bring it back with Undo ({formatShortcut('Mod+Z')}).</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="files-primary"
          onClick={() => {
            actions.newTopology();
            onClose();
          }}
        >
          Start new topology
        </button>
      </div>
    </Modal>
  );
}
