/**
 * Issue 24: a broken design of the largest size has thousands of findings (14,336) and the panel
 * shows 200; every finding's fix was computed on each render of the tab. Now only the shown ones'.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import * as edit from '../../src/engine/edit';
import { ValidationPanel } from '../../src/ui/validation/ValidationPanel';
import { renderWith } from './DesignerSupport';

vi.mock('../../src/engine/edit', async (original) => {
  const actual = await original<typeof import('../../src/engine/edit')>();
  return { ...actual, fixFor: vi.fn(actual.fixFor) };
});

/** 30 nodes and nothing that connects them: 870 pairs without a path. */
function unconnected(): TopologyDocument {
  return { format: 'lm-topology', version: 1, nodes: Array.from({ length: 30 }, (_, i) => ({ id: `n${i + 1}`, name: `HV${String(i + 1).padStart(2, '0')}` })) };
}

describe('Validation with 870 findings', () => {
  it('computes the fixes of the 200 findings shown only, once', () => {
    const fixFor = vi.mocked(edit.fixFor);
    fixFor.mockClear();
    renderWith(<ValidationPanel />, unconnected());
    const panel = screen.getByRole('region', { name: 'Validation' });
    expect(panel).toHaveTextContent('870 findings. Click one to select what it is about.');
    expect(panel).toHaveTextContent('…and 670 more.');
    expect(within(panel).getAllByRole('button', { name: /No live migration path/ })).toHaveLength(200);
    expect(fixFor.mock.calls.length).toBeLessThanOrEqual(200);
    // Opening and closing the group redraws the panel: no fix computed again.
    const calls = fixFor.mock.calls.length;
    fireEvent.click(panel.querySelector('summary')!);
    expect(fixFor.mock.calls.length).toBe(calls);
  });
});
