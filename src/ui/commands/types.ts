/**
 * One command registry feeds the toolbar, the keyboard shortcuts, the context menu and the "?"
 * overlay. Each feature contributes its commands from its own module (see ./index.ts).
 */
import type { CanvasApiHolder } from '../../canvas/api';
import type { AppStore } from '../../store/appStore';

export interface CommandContext {
  store: AppStore;
  canvas: CanvasApiHolder;
}

export interface Command {
  id: string;
  label: string;
  /** Group in the toolbar and the shortcut overlay: 'file', 'edit', 'view', 'insert', 'analysis', 'whatif'. */
  group: string;
  /**
   * Keyboard shortcuts in the form 'Mod+Z', 'Mod+Shift+Z', 'Delete', 'Shift+A', 'F', '?'
   * ('Mod' is Ctrl, or Cmd on a Mac). Matched on KeyboardEvent.key, case-insensitive for letters.
   */
  shortcuts?: string[];
  run(ctx: CommandContext): void;
  enabled?(ctx: CommandContext): boolean;
  /** Shown in the toolbar (otherwise only by shortcut / menu). */
  toolbar?: boolean;
}
