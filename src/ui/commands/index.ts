/** Every feature's commands. Add a module's list here. */
import type { Command } from './types';
import { coreCommands } from './core';
import { fileCommands } from './files';
import { designerCommands } from './designer';
import { canvasCommands } from './canvas';

export const COMMANDS: Command[] = [...coreCommands, ...fileCommands, ...designerCommands, ...canvasCommands];
