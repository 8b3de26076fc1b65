/**
 * One command registry feeds the toolbar, the palette, the keyboard shortcuts, the context menu
 * and the "?" overlay. Each feature contributes its commands from its own module (see ./index.ts);
 * a command and its keys are declared once, here, and every surface renders from it.
 */
import type { CanvasApiHolder } from '../../canvas/api';
import type { ElementKind } from '../../engine';
import type { AppStore, Tool } from '../../store/appStore';

export interface CommandContext {
  store: AppStore;
  canvas: CanvasApiHolder;
}

/** Every command there is. */
export type CommandId =
  // core.ts
  | 'undo' | 'redo' | 'toggle-mode' | 'swap-pair'
  // files.ts
  | 'open' | 'save' | 'export' | 'import-inventory' | 'powershell' | 'copy-link'
  // designer.ts
  | 'delete' | 'select-all' | 'copy' | 'paste' | 'duplicate' | 'new-topology' | 'live-migration-settings' | 'shortcuts'
  | `tool-${Tool}` | `insert-${ElementKind}`
  // canvas.ts
  | 'fit' | 'zoom-in' | 'zoom-out' | 'auto-layout' | 'toggle-failed' | 'restore-all'
  // element.ts (the context menu of a diagram element)
  | 'set-source' | 'set-destination' | 'drain' | 'show-details';

/** Where a command is listed in the toolbar and the shortcut overlay. */
export type CommandGroup = 'file' | 'edit' | 'view' | 'insert' | 'canvas' | 'whatif';

export interface Command {
  id: CommandId;
  label: string;
  group: CommandGroup;
  /**
   * Keyboard shortcuts in the form 'Mod+Z', 'Mod+Shift+Z', 'Delete', 'Shift+A', 'F', '?'
   * ('Mod' is Ctrl, or Cmd on a Mac). Matched on KeyboardEvent.key, case-insensitive for letters.
   */
  shortcuts?: readonly string[];
  /**
   * Runs the command. `target`: the element it is about when run from that element's context
   * menu; without one, a command about elements acts on the selection.
   */
  run(ctx: CommandContext, target?: string): void;
  enabled?(ctx: CommandContext, target?: string): boolean;
  /** Shown in the toolbar (otherwise only by shortcut, palette or menu). */
  toolbar?: boolean;
  /** Offered in an element's context menu: when `shown` (default always), under `label` (default the command's). */
  menu?: { label?(ctx: CommandContext, target: string): string; shown?(ctx: CommandContext, target: string): boolean };
  /** A palette entry: the tool it selects (shown pressed while active) or the element kind it inserts (and drops). */
  palette?: ({ tool: Tool } | { insert: ElementKind }) & { text: string; hint: string };
}
