/** The designer's dialogs, opened by commands through `ui.dialog`. Mounted once by App. */
import { Suspense } from 'react';
import { lazyNamed, WhenLoaded } from '../common/lazy';
import { useActions, useApp } from '../StoreContext';

// Loaded when first opened: a first visit shows none of them.
const LiveMigrationDialog = lazyNamed(() => import('./LiveMigrationDialog'), 'LiveMigrationDialog');
const NewTopologyDialog = lazyNamed(() => import('./NewTopologyDialog'), 'NewTopologyDialog');
const ShortcutOverlay = lazyNamed(() => import('./ShortcutOverlay'), 'ShortcutOverlay');
import { ErrorBoundary } from '../common/ErrorBoundary';

export function DesignerDialogs() {
  const dialog = useApp((s) => s.ui.dialog);
  const actions = useActions();
  const close = (): void => actions.openDialog(null);
  if (dialog !== 'live-migration' && dialog !== 'shortcuts' && dialog !== 'new-topology') return null;
  const what = dialog === 'live-migration' ? 'The live migration settings dialog' : dialog === 'shortcuts' ? 'The shortcuts list' : 'The new topology dialog';
  return (
    <ErrorBoundary key={dialog} what={what} onClose={close}>
      <Suspense fallback={null}>
        {dialog === 'live-migration' && <WhenLoaded component={LiveMigrationDialog}>{() => <LiveMigrationDialog onClose={close} />}</WhenLoaded>}
        {dialog === 'shortcuts' && <WhenLoaded component={ShortcutOverlay}>{() => <ShortcutOverlay onClose={close} />}</WhenLoaded>}
        {dialog === 'new-topology' && <WhenLoaded component={NewTopologyDialog}>{() => <NewTopologyDialog onClose={close} />}</WhenLoaded>}
      </Suspense>
    </ErrorBoundary>
  );
}
