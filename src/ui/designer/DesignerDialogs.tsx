/** The designer's dialogs, opened by commands through `ui.dialog`. Mounted once by App. */
import { Suspense } from 'react';
import { lazyNamed, WhenLoaded } from '../common/lazy';
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
      {dialog === 'live-migration' && <WhenLoaded component={LiveMigrationDialog}>{() => <LiveMigrationDialog onClose={close} />}</WhenLoaded>}
      {dialog === 'shortcuts' && <WhenLoaded component={ShortcutOverlay}>{() => <ShortcutOverlay onClose={close} />}</WhenLoaded>}
      {dialog === 'new-topology' && <WhenLoaded component={NewTopologyDialog}>{() => <NewTopologyDialog onClose={close} />}</WhenLoaded>}
    </Suspense>
  );
}
