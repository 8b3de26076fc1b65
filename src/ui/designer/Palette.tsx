/**
 * The palette: insert a site, node, NIC, network or router by click / Enter (at a free position,
 * into the selection) or by dragging it onto the diagram (HTML5 drag, type PALETTE_MIME); and the
 * interaction mode: select, or connect by dragging from one element to another.
 */
import type { Tool } from '../../store/appStore';
import { formatShortcut } from '../commands/shortcuts';
import { useActions, useApp, useAppStore } from '../StoreContext';
import { insertFromPalette } from './designerActions';
import { PALETTE, PALETTE_MIME } from './insert';
import './designer.css';

const TOOLS: { tool: Tool; label: string; shortcut: string; hint: string }[] = [
  { tool: 'select', label: 'Select', shortcut: 'V', hint: 'Select and move elements' },
  { tool: 'connect', label: 'Connect', shortcut: 'C', hint: 'Drag from one element to another to connect them' },
];

export function Palette() {
  const store = useAppStore();
  const actions = useActions();
  const tool = useApp((s) => s.ui.tool);
  return (
    <div className="palette" role="toolbar" aria-label="Palette" aria-orientation="vertical">
      <div className="palette-group" role="group" aria-label="Tool">
        {TOOLS.map((t) => (
          <button key={t.tool} type="button" aria-pressed={tool === t.tool} title={`${t.hint} (${t.shortcut})`} onClick={() => actions.setTool(t.tool)}>
            <span className={`palette-icon ${t.tool}`} aria-hidden="true" />
            {t.label}
            <kbd aria-hidden="true">{t.shortcut}</kbd>
          </button>
        ))}
      </div>
      <div className="palette-group" role="group" aria-label="Insert">
        {PALETTE.map((p) => (
          <button
            key={p.kind}
            type="button"
            draggable
            title={`${p.hint}. Click to insert, or drag onto the diagram (${formatShortcut(p.shortcut)})`}
            data-palette={p.kind}
            onClick={() => insertFromPalette(store, p.kind)}
            onDragStart={(e) => {
              e.dataTransfer.setData(PALETTE_MIME, p.kind);
              e.dataTransfer.setData('text/plain', p.label);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span className={`palette-icon ${p.kind}`} aria-hidden="true" />
            {/* The name says what the button does; no aria-label, so the name holds the visible text. */}
            <span className="sr-only">Insert</span> {p.label}
            <kbd aria-hidden="true">{formatShortcut(p.shortcut)}</kbd>
          </button>
        ))}
      </div>
    </div>
  );
}
