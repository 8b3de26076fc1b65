/**
 * The palette: the registry's palette commands (src/ui/commands/designer.ts). The tools (select,
 * or connect by dragging from one element to another), and the elements to insert by click /
 * Enter (at a free position, into the selection) or by dragging one onto the diagram (HTML5
 * drag, type PALETTE_MIME, handled by the canvas).
 */
import { PALETTE_MIME } from '../../canvas/gestures/drop';
import { scaleFor } from '../../canvas/metrics';
import { useCanvasApi } from '../CanvasContext';
import { COMMANDS } from '../commands';
import { formatShortcut } from '../commands/shortcuts';
import type { Command } from '../commands/types';
import { useApp, useAppStore } from '../StoreContext';
import './designer.css';

const TOOLS = COMMANDS.flatMap((c) => (c.palette && 'tool' in c.palette ? [{ command: c, ...c.palette }] : []));
const INSERTS = COMMANDS.flatMap((c) => (c.palette && 'insert' in c.palette ? [{ command: c, ...c.palette }] : []));
const key = (c: Command): string => formatShortcut(c.shortcuts?.[0] ?? '');
/** The shortcut as the narrow palette shows it under the icon: "⇧S" for Shift+S. */
const shortKey = (c: Command): string => key(c).replace(/^Shift\+/, '⇧');

export function Palette() {
  const store = useAppStore();
  const canvas = useCanvasApi();
  const tool = useApp((s) => s.ui.tool);
  // Narrow (icons and shortcut letters, the names as tooltips and accessible names) over a compact
  // drawing, whose fit needs the canvas's width (issue 27); designer.css narrows it on a small
  // window too. scale.ts TYPICAL_CANVAS has its size.
  const narrow = useApp((s) => scaleFor(s.design.nodes.length).kind === 'compact');
  return (
    <div className={narrow ? 'palette narrow' : 'palette'} role="toolbar" aria-label="Palette" aria-orientation="vertical">
      <div className="palette-group" role="group" aria-label="Tool">
        {TOOLS.map((t) => (
          <button key={t.tool} type="button" aria-pressed={tool === t.tool} title={`${t.hint} (${key(t.command)})`} onClick={() => t.command.run({ store, canvas })}>
            <span className={`palette-icon ${t.tool}`} aria-hidden="true" />
            <span className="palette-text">{t.text}</span>
            <kbd aria-hidden="true">{key(t.command)}</kbd>
            <kbd className="palette-short" aria-hidden="true">{shortKey(t.command)}</kbd>
          </button>
        ))}
      </div>
      <div className="palette-group" role="group" aria-label="Insert">
        {INSERTS.map((p) => (
          <button
            key={p.insert}
            type="button"
            draggable
            title={`${p.hint}. Click to insert, or drag onto the diagram (${key(p.command)})`}
            data-palette={p.insert}
            onClick={() => p.command.run({ store, canvas })}
            onDragStart={(e) => {
              e.dataTransfer.setData(PALETTE_MIME, p.insert);
              e.dataTransfer.setData('text/plain', p.text);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span className={`palette-icon ${p.insert}`} aria-hidden="true" />
            {/* The name says what the button does; no aria-label, so the name holds the visible text. */}
            <span className="sr-only">Insert</span> <span className="palette-text">{p.text}</span>
            <kbd aria-hidden="true">{key(p.command)}</kbd>
            <kbd className="palette-short" aria-hidden="true">{shortKey(p.command)}</kbd>
          </button>
        ))}
      </div>
    </div>
  );
}
