/** The README's shortcut table stays true: every shortcut of the command registry is listed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/ui/commands';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const table = readme.slice(readme.indexOf('## Keyboard shortcuts'), readme.indexOf('## File formats'));

describe('README keyboard shortcuts', () => {
  const shortcuts = COMMANDS.flatMap((c) => (c.shortcuts ?? []).map((s) => [c.id, s.replace('Mod', 'Ctrl')] as const));
  it('lists the registry (sanity: there are shortcuts to check)', () => {
    expect(shortcuts.length).toBeGreaterThan(20);
  });
  it.each(shortcuts)('%s: `%s` is in the table', (_id, keys) => {
    expect(table).toContain(`\`${keys}\``);
  });
});
