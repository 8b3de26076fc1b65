/** Matches keyboard events against command shortcuts; ignores typing in form fields. */
import type { Command } from './types';

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** 'Mod+Shift+Z' → modifiers and key; the key may itself be '+' ('+', 'Mod++'). */
export function parseShortcut(shortcut: string): { mods: Set<string>; key: string } {
  const plusKey = shortcut.endsWith('+');
  const parts = (plusKey ? shortcut.slice(0, -1) : shortcut).split('+').filter((p) => p !== '');
  const key = plusKey ? '+' : (parts.pop() ?? '');
  return { mods: new Set(parts), key };
}

export function matches(shortcut: string, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const { mods, key } = parseShortcut(shortcut);
  const mod = isMac() ? e.metaKey : e.ctrlKey;
  if (mods.has('Mod') !== mod) return false;
  if (mods.has('Alt') !== e.altKey) return false;
  // '?' is typed with Shift on most layouts: do not require Shift to be named for punctuation.
  const isLetter = /^[a-z]$/i.test(key);
  if (isLetter || key.length > 1) {
    if (mods.has('Shift') !== e.shiftKey) return false;
  }
  return key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/**
 * A form field may let some single-key shortcuts through (`data-shortcut-keys="M S"`): the pair's
 * source / destination lists take `M` and `S` (issue 27), which a list of node names gives up
 * for its type-ahead on those two letters.
 */
export function letsThrough(target: EventTarget | null, shortcut: string): boolean {
  const el = target as HTMLElement | null;
  const keys = el && typeof el.getAttribute === 'function' ? el.getAttribute('data-shortcut-keys') : null;
  return keys !== null && keys.split(' ').includes(shortcut);
}

export function findCommand(commands: Command[], e: KeyboardEvent): Command | undefined {
  return commands.find((c) => c.shortcuts?.some((s) => matches(s, e)));
}

export function formatShortcut(s: string): string {
  return s.replace('Mod', isMac() ? '⌘' : 'Ctrl');
}
