/** Every feature's commands. Add a module's list here. */
import type { Command } from './types';
import { coreCommands } from './core';

export const COMMANDS: Command[] = [...coreCommands];
