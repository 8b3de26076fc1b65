/** The designer's dialogs, opened by commands through `ui.dialog`. Mounted once by App. */
import { useActions, useApp } from '../StoreContext';
import { LiveMigrationDialog } from './LiveMigrationDialog';
import { NewTopologyDialog } from './NewTopologyDialog';
import { ShortcutOverlay } from './ShortcutOverlay';

export function DesignerDialogs() {
  const dialog = useApp((s) => s.ui.dialog);
  const actions = useActions();
  const close = (): void => actions.openDialog(null);
  if (dialog === 'live-migration') return <LiveMigrationDialog onClose={close} />;
  if (dialog === 'shortcuts') return <ShortcutOverlay onClose={close} />;
  if (dialog === 'new-topology') return <NewTopologyDialog onClose={close} />;
  return null;
}
