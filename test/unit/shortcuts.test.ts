/** The shortcut parser: '+' is a key too (issue 17: `+` never zoomed in, the parser split "+" on "+"). */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/ui/commands';
import { findCommand, matches, parseShortcut } from '../../src/ui/commands/shortcuts';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;

describe('shortcuts', () => {
  it.each([
    ['+', [], '+'],
    ['Mod++', ['Mod'], '+'],
    ['Mod+Shift+Z', ['Mod', 'Shift'], 'Z'],
    ['=', [], '='],
    ['?', [], '?'],
  ])('parses %s', (s, mods, k) => expect(parseShortcut(s)).toEqual({ mods: new Set(mods), key: k }));

  it('"+" (typed with Shift on most layouts, or on the keypad) zooms in; "=" too', () => {
    expect(matches('+', key('+', { shiftKey: true }))).toBe(true);
    expect(matches('+', key('+'))).toBe(true);
    expect(matches('+', key('+', { ctrlKey: true }))).toBe(false);
    expect(findCommand(COMMANDS, key('+', { shiftKey: true }))?.id).toBe('zoom-in');
    expect(findCommand(COMMANDS, key('='))?.id).toBe('zoom-in');
    expect(findCommand(COMMANDS, key('-'))?.id).toBe('zoom-out');
  });
});
