/** VM edits and the planning edit (src/engine/edit/vms.ts) through applyEdit. */
import { describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/engine/io';
import type { TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { chain, must, topologyOf } from './edit-support';
import { readFixture } from './helpers';

const withVms = () => readFixture('switchless-3-node-vms.json') as TopologyDocument;

describe('VM edits', () => {
  it('adds several VMs with fresh names and ids, touching only the vms section', () => {
    const doc = withVms();
    const r = must(doc, { type: 'add-vms', node: 'n2', memoryGB: 16, count: 12 });
    const added = r.document.vms!.slice(doc.vms!.length);
    expect(added).toHaveLength(12);
    expect(added[0]).toEqual({ id: 'vm1', name: 'VM01', node: 'n2', memoryGB: 16 });
    expect(added[11]).toEqual({ id: 'vm12', name: 'VM12', node: 'n2', memoryGB: 16 });
    expect(new Set(r.document.vms!.map((v) => v.id)).size).toBe(r.document.vms!.length);
    expect(r.document.nodes).toBe(doc.nodes);
    expect(r.document.nics).toBe(doc.nics);
    expect(r.messages).toEqual(['Added 12 VMs (VM01…VM12) of 16 GB to HV02.']);
    expect(r.created).toEqual([]);
    // Again: the next free numbers, and a stem when given (its taken numbers skipped).
    const again = must(r.document, { type: 'add-vms', node: 'n3', memoryGB: 8, count: 2, name: 'WEB' });
    expect(again.document.vms!.slice(-2).map((v) => [v.id, v.name])).toEqual([['vm13', 'WEB02'], ['vm14', 'WEB03']]); // WEB01 is taken by the example
    const one = must(again.document, { type: 'add-vms', node: 'n3', memoryGB: 4, name: ' DC02 ', state: 'off' });
    expect(one.document.vms!.at(-1)).toEqual({ id: 'vm15', name: 'DC02', node: 'n3', memoryGB: 4, state: 'off' });
  });

  it('adds VMs to a topology that had none, and the first VM gets the first free id', () => {
    const doc = readFixture('switchless-3-node.json') as TopologyDocument;
    const r = must(doc, { type: 'add-vms', node: 'n1', memoryGB: 32 });
    expect(r.document.vms).toEqual([{ id: 'vm1', name: 'VM01', node: 'n1', memoryGB: 32 }]);
    expect(topologyOf(r.document).vms).toHaveLength(1);
  });

  it.each([
    [0, "The memory of VM 'VM…' must be a number of GB from 0.001 to 262,144."],
    [-4, "The memory of VM 'VM…' must be a number of GB from 0.001 to 262,144."],
    [Number.NaN, "The memory of VM 'VM…' must be a number of GB from 0.001 to 262,144."],
    // 1e308 GB broke the Maintenance tab and every export; 5e-324 GB is no VM.
    [1e308, "The memory of VM 'VM…' must be a number of GB from 0.001 to 262,144."],
    [5e-324, "The memory of VM 'VM…' must be a number of GB from 0.001 to 262,144."],
  ])('refuses memory %s with a message naming the VM', (memoryGB, message) => {
    const r = applyEdit(withVms(), { type: 'add-vms', node: 'n1', memoryGB, count: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toBe(message);
  });

  it('refuses an unknown node and silly counts', () => {
    const doc = withVms();
    const bad = applyEdit(doc, { type: 'add-vms', node: 'n9', memoryGB: 4 });
    expect(!bad.ok && bad.errors[0]!.message).toBe("There is no node 'n9' to put VMs on.");
    const zero = applyEdit(doc, { type: 'add-vms', node: 'n1', memoryGB: 4, count: 0 });
    expect(!zero.ok && zero.errors[0]!.message).toBe('Add between 1 and 1000 VMs at a time.');
  });

  it('updates name, memory and state; running is written by leaving the field out', () => {
    const doc = withVms();
    const { doc: d } = chain(
      doc,
      { type: 'update-vm', id: 'vm-dc01', patch: { state: 'running', memoryGB: 6 } },
      { type: 'update-vm', id: 'vm-web01', patch: { name: 'WEB-01', state: 'off' } },
    );
    expect(d.vms!.find((v) => v.id === 'vm-dc01')).toEqual({ id: 'vm-dc01', name: 'DC01', node: 'n1', memoryGB: 6 });
    expect(d.vms!.find((v) => v.id === 'vm-web01')).toEqual({ id: 'vm-web01', name: 'WEB-01', node: 'n1', memoryGB: 8, state: 'off' });
    expect(d.vms![0]).toBe(doc.vms![0]);
    const bad = applyEdit(doc, { type: 'update-vm', id: 'vm-sql01', patch: { memoryGB: 0 } });
    expect(!bad.ok && bad.errors[0]).toEqual({ path: 'vms[0].memoryGB', message: "The memory of VM 'SQL01' must be a number of GB from 0.001 to 262,144." });
    // Nothing changed: the same document.
    expect(must(doc, { type: 'update-vm', id: 'vm-sql01', patch: { memoryGB: 64 } }).document).toBe(doc);
  });

  it('moves and deletes VMs; deleting the last removes the section', () => {
    const doc = withVms();
    const moved = must(doc, { type: 'move-vms', ids: ['vm-sql01', 'vm-app01'], node: 'n3' }).document;
    expect(moved.vms!.filter((v) => v.node === 'n3').map((v) => v.id)).toEqual(['vm-sql01', 'vm-app01', 'vm-app03']);
    const bad = applyEdit(doc, { type: 'move-vms', ids: ['vm-sql01'], node: 'gw' });
    expect(!bad.ok && bad.errors[0]!.message).toBe("There is no node 'gw' to move VMs to.");
    const fewer = must(doc, { type: 'delete-vms', ids: ['vm-sql01'] }).document;
    expect(fewer.vms!.map((v) => v.id)).not.toContain('vm-sql01');
    const none = must(doc, { type: 'delete-vms', ids: doc.vms!.map((v) => v.id) }).document;
    expect('vms' in none).toBe(false);
  });

  it('sets the planning assumptions as one edit; null goes back to the defaults', () => {
    const doc = withVms();
    const r = must(doc, { type: 'set-planning', planning: { efficiency: { smb: 0.7 }, switchoverSeconds: 2 } });
    expect(r.document.planning).toEqual({ efficiency: { smb: 0.7 }, switchoverSeconds: 2 });
    expect(r.topology.planning.efficiency.smb).toBe(0.7);
    expect(r.topology.planning.efficiency.tcpip).toBe(0.8);
    expect('planning' in must(r.document, { type: 'set-planning', planning: null }).document).toBe(false);
    const bad = applyEdit(doc, { type: 'set-planning', planning: { compressionMaxGbps: -1 } });
    expect(bad.ok).toBe(false);
  });

  it('a document with VMs edited and saved reads back the same (round trip)', () => {
    const { doc } = chain(withVms(), { type: 'add-vms', node: 'n2', memoryGB: 12, count: 3 }, { type: 'update-vm', id: 'vm2', patch: { state: 'off' } });
    const text = serializeTopology(doc);
    expect(serializeTopology(JSON.parse(text))).toBe(text);
    expect(topologyOf(JSON.parse(text)).vms.map((v) => v.state)).toEqual([...withVms().vms!.map((v) => v.state ?? 'running'), 'running', 'off', 'running']);
  });
});
