/**
 * Predicted against measured, in the All pairs tab, on the switched 4-node design with the
 * fixture's path test kept: the two mismatching pairs first, a pair button that shows the pair,
 * the Windows timeout offered, Clear as one undo step — and nothing at all without a path test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { parseTopology } from '../../src/engine';
import { parsePathTest, withPathTest } from '../../src/engine/io/verify';
import { MeasuredPaths } from '../../src/ui/analysis/MeasuredPaths';
import { renderWith } from './DesignerSupport';

const fixtures = join(__dirname, '..', 'fixtures');
const design = JSON.parse(readFileSync(join(fixtures, 'switched-4-node.json'), 'utf8')) as TopologyDocument;

function withTest(): TopologyDocument {
  const parsed = parseTopology(design);
  if (!parsed.ok) throw new Error('fixture');
  const read = parsePathTest(new Uint8Array(readFileSync(join(fixtures, 'path-test', 'switched-4-node.ps7.json'))), parsed.topology, 'lm-path-test.json');
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return withPathTest(design, read.record);
}

describe('MeasuredPaths', () => {
  it('shows nothing when the design has no path test', () => {
    renderWith(<MeasuredPaths />, design);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Predicted against measured')).toBeNull();
  });

  it('lists the mismatching pairs first, shows a pair, offers the timeout, and clears as one undo step', () => {
    const store = renderWith(<MeasuredPaths />, withTest());
    const table = screen.getByRole('table', { name: 'Predicted against measured, by pair and network' });
    const heads = within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(heads.slice(0, 3)).toEqual(['HV01 → HV03', 'HV02 → HV04', 'HV01 → HV02']);
    expect(screen.getByText(/2 pairs and networks disagree with the design/)).toBeInTheDocument();
    // The mismatching cell says it in words for screen readers.
    expect(within(table).getByText(/^HV01 → HV03 on 'Storage 2': the design says it connects \(direct\); the test timed out after 21 s/)).toBeInTheDocument();

    fireEvent.click(within(table).getByRole('button', { name: 'HV02 → HV04' }));
    expect([store.getState().ui.sourceNodeId, store.getState().ui.destinationNodeId]).toEqual(['n2', 'n4']);

    fireEvent.click(screen.getByRole('button', { name: 'Use 21 s as the legacy timeout' }));
    expect(store.getState().ui.legacyTimeoutSeconds).toBe(21);
    expect(screen.queryByRole('button', { name: /as the legacy timeout/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect('observations' in store.getState().document).toBe(false);
    act(() => store.getState().actions.undo());
    expect(screen.getByRole('table', { name: 'Predicted against measured, by pair and network' })).toBeInTheDocument();
  });
});
