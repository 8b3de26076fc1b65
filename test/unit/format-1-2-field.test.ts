/** Format 1.2's field `liveMigration.smbMultichannelNetworks` (topology-format.md, Changes 1.2): read, checked, edited, kept tidy. */
import { describe, expect, it } from 'vitest';
import { parseTopology, type TopologyDocument } from '../../src/engine';
import { applyEdit } from '../../src/engine/edit';
import { must, topologyOf } from './edit-support';

function base(lm: TopologyDocument['liveMigration'] = {}): TopologyDocument {
  return {
    format: 'lm-topology',
    version: 1,
    nodes: [{ id: 'n1', name: 'HV01' }, { id: 'n2', name: 'HV02' }],
    nics: [
      { id: 'n1-a', node: 'n1', name: 'A', addresses: ['10.0.1.11/24'] },
      { id: 'n2-a', node: 'n2', name: 'A', addresses: ['10.0.1.12/24'] },
      { id: 'n1-b', node: 'n1', name: 'B', addresses: ['10.0.2.11/24'] },
      { id: 'n2-b', node: 'n2', name: 'B', addresses: ['10.0.2.12/24'] },
    ],
    networks: [
      { id: 'net-a', name: 'Live migration', prefixes: ['10.0.1.0/24'] },
      { id: 'net-b', name: 'Storage', prefixes: ['10.0.2.0/24'] },
    ],
    liveMigration: { transport: 'smb', ...lm },
  };
}

describe('smbMultichannelNetworks', () => {
  it('defaults to no constraint and reads the listed networks', () => {
    expect(topologyOf(base()).liveMigration.smbMultichannelNetworks).toEqual([]);
    expect(topologyOf(base({ smbMultichannelNetworks: ['net-b'] })).liveMigration.smbMultichannelNetworks).toEqual(['net-b']);
  });

  it.each([
    [['net-x'], 'liveMigration.smbMultichannelNetworks[0]', "The live migration SMB Multichannel constraint names network 'net-x', which does not exist."],
    [['net-a', 'net-a'], 'liveMigration.smbMultichannelNetworks[1]', "Network 'net-a' is listed twice in the live migration SMB Multichannel constraint."],
  ])('refuses %j with a message naming the network', (list, path, message) => {
    const r = parseTopology(base({ smbMultichannelNetworks: list }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ path, message }));
  });

  it('refuses a value that is not a list of ids', () => {
    const r = parseTopology({ ...base(), liveMigration: { smbMultichannelNetworks: 'net-a' } } as unknown as TopologyDocument);
    expect(r.ok).toBe(false);
  });

  it('is set by set-live-migration and removed (not left empty) when cleared', () => {
    const set = must(base(), { type: 'set-live-migration', smbMultichannelNetworks: ['net-a'] });
    expect(set.document.liveMigration?.smbMultichannelNetworks).toEqual(['net-a']);
    const cleared = must(set.document, { type: 'set-live-migration', smbMultichannelNetworks: [] });
    expect(cleared.document.liveMigration).not.toHaveProperty('smbMultichannelNetworks');
    expect(must(base(), { type: 'set-live-migration', smbMultichannelNetworks: [] }).document).toEqual(base());
  });

  it('loses a network that is deleted, as the order and exclusions do', () => {
    const doc = base({ smbMultichannelNetworks: ['net-a', 'net-b'], excludedNetworks: ['net-b'] });
    const r = applyEdit(doc, { type: 'delete', ids: ['net-b'] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.document.liveMigration?.smbMultichannelNetworks).toEqual(['net-a']);
      expect(r.document.liveMigration?.excludedNetworks).toEqual([]);
    }
  });
});
