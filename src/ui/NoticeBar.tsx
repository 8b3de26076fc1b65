/**
 * Messages to the user: refused files with their errors, restored or unreadable autosaves. A new
 * document clears a notice (the store does); one that only informs fades by itself.
 */
import { useEffect } from 'react';
import { NOTICE_FADE_MS, noticeFades } from '../store/appStore';
import { useActions, useApp, useAppStore } from './StoreContext';

export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const actions = useActions();
  const store = useAppStore();
  useEffect(() => {
    if (!notice || !noticeFades(notice)) return;
    const timer = setTimeout(() => {
      if (store.getState().notice === notice) store.getState().actions.notify(null);
    }, NOTICE_FADE_MS);
    return () => clearTimeout(timer);
  }, [notice, store]);
  if (!notice) return null;
  const download = notice.download;
  // The anchor takes no room: the notice floats over the top of the diagram, so nothing under the
  // pointer moves when it comes or goes (issue 27).
  return (
    <div className="notice-anchor">
      <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
        <p>{notice.text}</p>
        {notice.errors && notice.errors.length > 0 && (
          <ul className="notice-errors">
            {notice.errors.slice(0, 50).map((e, i) => (
              <li key={i}>
                {e.message}
                {e.path && <span className="error-path"> (in the file at <code>{e.path}</code>)</span>}
              </li>
            ))}
            {notice.errors.length > 50 && <li>…and {notice.errors.length - 50} more.</li>}
          </ul>
        )}
        <div className="notice-actions">
          {download && (
            <button
              type="button"
              onClick={() => {
                const url = URL.createObjectURL(new Blob([download.content], { type: 'application/json' }));
                const a = document.createElement('a');
                a.href = url;
                a.download = download.filename;
                a.click();
                setTimeout(() => URL.revokeObjectURL(url), 1000);
              }}
            >
              Download the unreadable data
            </button>
          )}
          <button type="button" onClick={() => actions.notify(null)}>
            Dismiss
          </button>
        </div>
      </div>
    </div>
  );
}
