/**
 * The right-click menu of a diagram element: fail or restore it (what-if), make its node the
 * source or the destination, show its details. Keyboard: arrows move, Enter runs, Escape closes.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { failableKind } from '../engine/whatif';
import { useActions, useApp, useAppStore } from '../ui/StoreContext';
import { deleteSelection } from '../ui/designer/designerActions';
import type { ContextMenuRequest } from './adapter';

interface Item {
  label: string;
  run(): void;
  disabled?: boolean;
}

export function ContextMenu({ request, onClose }: { request: ContextMenuRequest; onClose(): void }) {
  const { id } = request;
  const actions = useActions();
  const store = useAppStore();
  const failable = useApp((s) => failableKind(s.document, id) !== null);
  const isFailed = useApp((s) => s.ui.failed.includes(id));
  const node = useApp((s) => (s.design.index.nodes.has(id) ? id : (s.design.index.nics.get(id)?.node ?? null)));
  const source = useApp((s) => s.ui.sourceNodeId);
  const destination = useApp((s) => s.ui.destinationNodeId);
  const name = useApp((s) => {
    const i = s.design.index;
    return i.nodes.get(id)?.name ?? i.nics.get(id)?.name ?? i.networks.get(id)?.name ?? i.routers.get(id)?.name ?? i.sites.get(id)?.name ?? id;
  });
  const menu = useRef<HTMLDivElement>(null);

  const items: Item[] = [];
  if (failable) items.push({ label: isFailed ? 'Restore' : 'Fail', run: () => actions.toggleFailed(id) });
  if (node) {
    items.push({ label: 'Set as source', run: () => actions.setSource(node), disabled: source === node });
    items.push({ label: 'Set as destination', run: () => actions.setDestination(node), disabled: destination === node });
  }
  if (node === id) items.push({ label: 'Drain…', run: () => actions.openDrain(id) });
  items.push({
    label: 'Show details',
    run: () => {
      actions.select([id]);
      actions.setPanel('details');
    },
  });
  items.push({
    label: 'Delete',
    run: () => {
      actions.select([id]);
      deleteSelection(store);
    },
  });

  // Kept inside the canvas when opened near its right or bottom edge.
  useLayoutEffect(() => {
    const el = menu.current;
    const box = el?.parentElement?.getBoundingClientRect();
    if (!el || !box || box.width === 0) return;
    el.style.left = `${Math.max(0, Math.min(request.x, box.width - el.offsetWidth - 4))}px`;
    el.style.top = `${Math.max(0, Math.min(request.y, box.height - el.offsetHeight - 4))}px`;
  }, [request.x, request.y]);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (e: PointerEvent): void => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [id, onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number): void => buttons[(i + buttons.length) % buttons.length]?.focus();
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(buttons.length - 1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div ref={menu} className="canvas-menu" role="menu" aria-label={`Actions for ${name}`} style={{ left: request.x, top: request.y }} onKeyDown={onKeyDown}>
      <div className="canvas-menu-title" aria-hidden="true">
        {name}
      </div>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          disabled={item.disabled}
          onClick={() => {
            item.run();
            onClose();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
