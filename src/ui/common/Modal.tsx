/** A modal dialog: labelled, focus moved in and given back, Escape and the backdrop close it. */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './modal.css';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the dialog, as aria-modal promises. */
function trapFocus(box: HTMLElement, e: KeyboardEvent<HTMLElement>): void {
  // Filtered from '*' to keep document order (a selector list is not ordered in every DOM).
  const items = [...box.querySelectorAll<HTMLElement>('*')].filter((el) => el.matches(FOCUSABLE));
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || active === box)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

export type ModalSize = 'normal' | 'wide' | 'full';

export function Modal({ title, onClose, children, wide = false, size = wide ? 'wide' : 'normal' }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; size?: ModalSize }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => before?.focus?.();
  }, []);
  // Escape closes it even when the focus has left it (a click on the page behind, another window).
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div
      className={`files-backdrop${size === 'full' ? ' full' : ''}`}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={box}
        className={`files-dialog${size === 'normal' ? '' : ` ${size}`}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          // The app's single-key shortcuts must not fire behind the dialog.
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
          if (e.key === 'Tab' && box.current) trapFocus(box.current, e);
        }}
      >
        <header className="files-dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="files-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="files-dialog-body">{children}</div>
      </div>
    </div>
  );
}
