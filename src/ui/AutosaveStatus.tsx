/**
 * Whether autosave keeps the work in this browser, while it does not: a line of its own under the
 * header that stays until the cause is resolved (a notice would be replaced by the next one).
 */
import { useApp } from './StoreContext';

const clock = (iso: string): string => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function AutosaveStatus() {
  const status = useApp((s) => s.autosave);
  if (status.kind === 'on') return null;
  if (status.kind === 'off')
    return (
      <div className="autosave-status" role="status" data-testid="autosave-status">
        Autosave is off: this browser does not let the app use its storage (a browser setting or policy). Your work is kept only until this tab closes — save it to a file.
      </div>
    );
  if (status.kind === 'failed')
    return (
      <div className="autosave-status failed" role="alert" data-testid="autosave-status">
        Autosave failed at {clock(status.at)}: the browser storage is full or disabled, so your latest changes are not kept in this browser. Save your topology to a file. This stays here until autosave works again.
      </div>
    );
  return (
    <div className="autosave-status conflict" role="alert" data-testid="autosave-status">
      <span>Another tab of this app saved different work at {clock(status.at)}. Autosave in this tab is paused so that neither overwrites the other.</span>
      <button type="button" onClick={() => status.choose('theirs')}>
        Show the other tab's work here
      </button>
      <button type="button" onClick={() => status.choose('mine')}>
        Keep this tab's work (replaces the other's autosave)
      </button>
    </div>
  );
}
