/** The designer's dialogs, opened by commands through `ui.dialog`. Mounted once by App. */
import { useActions, useApp } from '../StoreContext';
import { LiveMigrationDialog } from './LiveMigrationDialog';
import { NewTopologyDialog } from './NewTopologyDialog';
import { ShortcutOverlay } from './ShortcutOverlay';
import { ErrorBoundary } from '../common/ErrorBoundary';

export function DesignerDialogs() {
  const dialog = useApp((s) => s.ui.dialog);
  const actions = useActions();
  const close = (): void => actions.openDialog(null);
  const inner =
    dialog === 'live-migration' ? <LiveMigrationDialog onClose={close} /> : dialog === 'shortcuts' ? <ShortcutOverlay onClose={close} /> : dialog === 'new-topology' ? <NewTopologyDialog onClose={close} /> : null;
  if (!inner) return null;
  const what = dialog === 'live-migration' ? 'The live migration settings dialog' : dialog === 'shortcuts' ? 'The shortcuts list' : 'The new topology dialog';
  return (
    <ErrorBoundary key={dialog} what={what} onClose={close}>
      {inner}
    </ErrorBoundary>
  );
}
