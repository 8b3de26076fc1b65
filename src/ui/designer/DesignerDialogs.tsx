/** The designer's dialogs, opened by commands through `ui.dialog`. Mounted once by App. */
import { Suspense } from 'react';
import { lazyNamed } from '../common/lazy';
import { useActions, useApp } from '../StoreContext';

// Loaded when first opened: a first visit shows none of them.
const LiveMigrationDialog = lazyNamed(() => import('./LiveMigrationDialog'), 'LiveMigrationDialog');
const NewTopologyDialog = lazyNamed(() => import('./NewTopologyDialog'), 'NewTopologyDialog');
const ShortcutOverlay = lazyNamed(() => import('./ShortcutOverlay'), 'ShortcutOverlay');

export function DesignerDialogs() {
  const dialog = useApp((s) => s.ui.dialog);
  const actions = useActions();
  const close = (): void => actions.openDialog(null);
  return (
    <Suspense fallback={null}>
      {dialog === 'live-migration' && <LiveMigrationDialog onClose={close} />}
      {dialog === 'shortcuts' && <ShortcutOverlay onClose={close} />}
      {dialog === 'new-topology' && <NewTopologyDialog onClose={close} />}
    </Suspense>
  );
}
