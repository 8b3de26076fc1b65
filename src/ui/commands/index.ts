/** Every feature's commands. Add a module's list here. */
import type { Command } from './types';
import { coreCommands } from './core';
import { fileCommands } from './files';
import { designerCommands } from './designer';
import { canvasCommands } from './canvas';
import { elementCommands } from './element';
import type { CommandId } from './types';

export const COMMANDS: Command[] = [...coreCommands, ...fileCommands, ...designerCommands, ...canvasCommands, ...elementCommands];

const byId = new Map(COMMANDS.map((c) => [c.id, c]));
/** The registry's commands with these ids, in this order (a surface that lists a few by name). */
export function commandsById(ids: readonly CommandId[]): Command[] {
  return ids.map((id) => byId.get(id)!);
}

/** The element context menu, in this order (each entry a command that takes the element as target). */
export const ELEMENT_MENU: readonly CommandId[] = ['toggle-failed', 'set-source', 'set-destination', 'drain', 'show-details', 'delete'];
