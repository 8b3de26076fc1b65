/** The matrix large: a full-width dialog over the diagram, for clusters too big for the side panel. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function MatrixDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div
      className="mx-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={box}
        className="mx-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          // The app's single-key shortcuts must not fire behind the dialog.
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
        }}
      >
        <header className="mx-dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="mx-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="mx-dialog-body">{children}</div>
      </div>
    </div>
  );
}
