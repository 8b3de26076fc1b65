/**
 * An imported cluster in the app: its source above the topology's properties, a network's ATC
 * intent, a node's build and Hyper-V settings, a NIC's MTU, and the ATC notice of the Live
 * migration settings dialog (only where ATC manages live migration).
 */
import { screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../src/engine';
import { parseClusterInventory } from '../../src/engine/io/inventory';
import { DesignerDialogs } from '../../src/ui/designer/DesignerDialogs';
import { DetailsPanel } from '../../src/ui/details/DetailsPanel';
import { renderWith, twoSite } from './DesignerSupport';

function imported(file: string): TopologyDocument {
  const r = parseClusterInventory(new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'inventory', file))));
  if (!r.ok) throw new Error('refused');
  return r.topology.document;
}
const NOTICE = 'Network ATC manages live migration on this cluster; changes made with Set-ClusterParameter are reverted as drift.';

function facts(): Record<string, string> {
  const region = screen.getByRole('region', { name: 'Element details' });
  const out: Record<string, string> = {};
  for (const dt of within(region).getAllByRole('term')) out[dt.textContent!] = dt.nextElementSibling!.textContent!;
  return out;
}

describe('an imported cluster', () => {
  it('shows where it came from when nothing is selected', () => {
    renderWith(<DetailsPanel />, imported('ps51-v2-rolling.json'));
    const source = screen.getByRole('region', { name: 'Source of this design' });
    expect(source).toHaveTextContent('Imported from cluster CLU-ROLL, collected 20 November 2026, 09:15 (UTC+01:00) (inventory version 2).');
    expect(source).toHaveTextContent(
      'Operating system: build 26100 on HV21 and HV22; build 20348 on HV23; build unknown on HV24 → behaviour before Windows Server 2025 until every node runs build 26100 or later.',
    );
  });

  it('a design drawn by hand has no source box', () => {
    renderWith(<DetailsPanel />, twoSite());
    expect(screen.queryByRole('region', { name: 'Source of this design' })).toBeNull();
  });

  it.each([
    ['c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f11', 'Network ATC intent', 'storage (Storage)'],
    ['c2e1d3f4-1b2c-4d3e-9f4a-5b6c7d8e9f01', 'Network ATC intent', 'mgmt_compute (Management, Compute)'],
    ['azl02', 'Operating system', 'Microsoft Azure Stack HCI, build 26100 (as imported)'],
    ['azl02', 'Hyper-V live migration', 'enabled · SMB · 2 at a time (as imported)'],
    ['azl01-smb1', 'MTU', '9000 bytes (as imported)'],
  ])('Details of %s: %s is %s', (id, label, value) => {
    renderWith(<DetailsPanel />, imported('ps7-v2-atc.json'), { selectedIds: [id] });
    expect(facts()[label]).toBe(value);
  });

  // Issue 26 (real clusters): the host's own migration networks and its SMB live migration limit.
  it.each([
    ['ps7-v2-real.json', 'azl03', 'Incoming migration networks', '10.71.1.0/24 (as imported)'],
    // 1,073,741,824 B/s = 1,024 × 2^20.
    ['ps7-v2-real.json', 'azl03', 'SMB live migration limit', '1,024 MB/s (as imported)'],
    // 3,125,000,000 B/s / 2^20 = 2,980.2.
    ['ps7-v2-real.json', 'azl01', 'SMB live migration limit', '2,980 MB/s (as imported)'],
    ['ps51-v2-real.json', 'hv21', 'Incoming migration networks', 'any network (as imported)'],
    ['ps51-v2-real.json', 'hv21', 'SMB live migration limit', 'none: FS-SMBBW not installed (as imported)'],
    ['ps7-v2-atc.json', 'azl02', 'SMB live migration limit', undefined],
  ])('Details of %s %s: %s is %s', (file, id, label, value) => {
    renderWith(<DetailsPanel />, imported(file), { selectedIds: [id] });
    expect(facts()[label]).toBe(value);
  });

  it('the Live migration settings dialog says plainly that ATC manages live migration', () => {
    renderWith(<DesignerDialogs />, imported('ps7-v2-atc.json'), { dialog: 'live-migration' });
    const note = within(screen.getByRole('dialog', { name: 'Live migration settings' })).getByRole('note');
    expect(note).toHaveTextContent(NOTICE);
  });

  it.each([
    ['a cluster without ATC', () => imported('ps51-v2-rolling.json')],
    ['a design drawn by hand', twoSite],
  ])('…and says nothing of ATC on %s', (_name, doc) => {
    renderWith(<DesignerDialogs />, doc(), { dialog: 'live-migration' });
    expect(screen.getByRole('dialog', { name: 'Live migration settings' })).not.toHaveTextContent('Network ATC');
  });
});
