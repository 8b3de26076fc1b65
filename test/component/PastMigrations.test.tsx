/**
 * Past migrations, in the All pairs tab, on the switchless 3-node design with the fixture's history
 * kept: the list newest first (duration when the move pairs with its completion, the long blackout
 * marked), the calibration from history as one undoable planning change, what matches nothing, Clear
 * as one undo step — nothing at all without a history; and the Maintenance tab's drain table with
 * the observed durations beside the estimates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseTopology, planDrain, type TopologyDocument } from '../../src/engine';
import { parseHistory, withHistory } from '../../src/engine/io/history';
import { PastMigrations } from '../../src/ui/analysis/PastMigrations';
import { DrainTable } from '../../src/ui/maintenance/DrainTable';
import { renderWith } from './DesignerSupport';

const fixtures = join(__dirname, '..', 'fixtures');
const design = JSON.parse(readFileSync(join(fixtures, 'switchless-3-node-vms.json'), 'utf8')) as TopologyDocument;

function withKept(): TopologyDocument {
  const parsed = parseTopology(design);
  if (!parsed.ok) throw new Error('fixture');
  const read = parseHistory(new Uint8Array(readFileSync(join(fixtures, 'history', 'switchless-3-node.ps7.json'))), parsed.topology, 'lm-history.json');
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return withHistory(design, read.record);
}

describe('PastMigrations', () => {
  it('shows nothing when the design has no history', () => {
    renderWith(<PastMigrations />, design);
    expect(screen.queryByText('Past migrations')).toBeNull();
  });

  it('lists the past migrations, calibrates as one undo step, lists what matches nothing, and clears', () => {
    const store = renderWith(<PastMigrations />, withKept());
    const table = screen.getByRole('table', { name: 'Past migrations, newest first' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['OLDVM01not in the design', 'logged on HV03', 'no start', '0.4\u00a0s'],
      ['FS01', 'HV02 → HV03', '10 s', '0.5\u00a0s'],
      ['SQL02', 'HV02 → HV03', '45 swith others', '0.9\u00a0s'],
      ['APP02', 'HV01 → HV02', '40 swith others', '0.4\u00a0s'],
      ['WEB01', 'HV01 → HV02', '15 s', '63.1\u00a0slong'],
      ['APP01', 'HV01 → HV03', '20 s', '0.3\u00a0s'],
      ['SQL01', 'HV01 → HV02', '1 min 10 s', '0.6\u00a0s'],
    ]);
    expect(screen.getByText('3 events match nothing in the design')).toBeInTheDocument();
    expect(screen.getByText(/HV09 is not a node of the design/)).toBeInTheDocument();
    expect(screen.getByText('2 live migration connections failed')).toBeInTheDocument();

    const offer = screen.getByRole('group', { name: 'Calibration from history' });
    expect(offer).toHaveTextContent('3 migrations that ran alone (median 20 s): the model matches their median with SMB efficiency 0.3183 (now 0.9).');
    fireEvent.click(within(offer).getByRole('button', { name: 'Use 0.3183 for SMB' }));
    expect(store.getState().document.planning).toEqual({ efficiency: { smb: 0.3183 } });
    expect(screen.getByText('The model already uses these values.')).toBeInTheDocument();
    act(() => store.getState().actions.undo());
    expect(store.getState().document.planning).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Use 0.3183 for SMB' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByRole('table')).toBeNull();
    expect('observations' in store.getState().document).toBe(false);
    act(() => store.getState().actions.undo());
    expect(screen.getByRole('table', { name: 'Past migrations, newest first' })).toBeInTheDocument();
  });
});

describe('DrainTable beside the history', () => {
  it('shows what each VM took before beside its estimate, only for the VMs the history has', () => {
    const kept = parseTopology(withKept());
    const bare = parseTopology(design);
    if (!kept.ok || !bare.ok) throw new Error('fixture');
    const plan = planDrain(kept.topology, 'n1');
    const { container, unmount } = render(<DrainTable t={kept.topology} plan={plan} />);
    const sql = plan.migrations.find((m) => m.vmId === 'vm-sql01')!;
    // The fixture's SQL01 took 70 s (its only migration); the estimate is its end minus its start.
    expect([...container.querySelectorAll('.drain-seen')].map((e) => e.textContent)).toEqual(
      plan.migrations.filter((m) => ['vm-sql01', 'vm-app01', 'vm-web01', 'vm-app02'].includes(m.vmId)).map((m) => `took ${{ 'vm-sql01': '1 min 10 s', 'vm-app01': '20 s', 'vm-web01': '15 s', 'vm-app02': '40 s' }[m.vmId]} before; estimate ${formatDuration(m.endSeconds - m.startSeconds)}`),
    );
    expect(within(screen.getByRole('table')).getByText(`took 1 min 10 s before; estimate ${formatDuration(sql.endSeconds - sql.startSeconds)}`)).toBeInTheDocument();
    unmount();
    const { container: bareTable } = render(<DrainTable t={bare.topology} plan={planDrain(bare.topology, 'n1')} />);
    expect(bareTable.querySelectorAll('.drain-seen')).toHaveLength(0);
  });
});

describe('PastMigrations without a calibration', () => {
  it('says why no past migration calibrates the model', () => {
    const parsed = parseTopology(design);
    if (!parsed.ok) throw new Error('fixture');
    // Only the overlapping pair and the one faster than the SMB limit have a duration.
    const file = JSON.parse(readFileSync(join(fixtures, 'history', 'switchless-3-node.ps7.json'), 'utf8')) as { events: { Message: string }[] };
    file.events = file.events.filter((e) => !/'(SQL01|APP01)'|"WEB01"/.test(e.Message));
    const read = parseHistory(JSON.stringify(file), parsed.topology, 'lm-history.json');
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    renderWith(<PastMigrations />, withHistory(design, read.record));
    expect(screen.queryByRole('group', { name: 'Calibration from history' })).toBeNull();
    expect(screen.getByText('No past migration can calibrate the model: none of the 3 with a duration can (why is listed below).')).toBeInTheDocument();
    expect(screen.getByText('3 migrations with a duration not used for the calibration')).toBeInTheDocument();
  });
});
