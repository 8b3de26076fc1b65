/**
 * The right-click menu of a diagram element: the registry's commands of ELEMENT_MENU, each run
 * with the element as its target (fail or restore it, make its node the source or the
 * destination, show its details, delete it). Keyboard: arrows move, Enter runs, Escape closes.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { ContextMenuRequest } from '../../canvas/adapter';
import { useCanvasApi } from '../CanvasContext';
import { useApp, useAppStore } from '../StoreContext';
import { commandsById, ELEMENT_MENU } from '../commands';

const MENU = commandsById(ELEMENT_MENU);

export function ContextMenu({ request, onClose }: { request: ContextMenuRequest; onClose(): void }) {
  const { id } = request;
  const store = useAppStore();
  const canvas = useCanvasApi();
  const ctx = { store, canvas };
  // One string per render (label and enabled state of each shown command) so the selector compares by value.
  const shown = useApp(() =>
    JSON.stringify(MENU.flatMap((c, i) => (c.menu?.shown && !c.menu.shown(ctx, id) ? [] : [[i, c.menu?.label?.(ctx, id) ?? c.label, !c.enabled || c.enabled(ctx, id)] as const]))),
  );
  const items = (JSON.parse(shown) as [number, string, boolean][]).map(([i, label, enabled]) => ({ command: MENU[i]!, label, enabled }));
  const name = useApp((s) => {
    const i = s.design.index;
    return i.nodes.get(id)?.name ?? i.nics.get(id)?.name ?? i.networks.get(id)?.name ?? i.routers.get(id)?.name ?? i.sites.get(id)?.name ?? id;
  });
  const menu = useRef<HTMLDivElement>(null);

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
          key={item.command.id}
          type="button"
          role="menuitem"
          disabled={!item.enabled}
          onClick={() => {
            item.command.run(ctx, id);
            onClose();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
