/**
 * Adapters (Get-NetAdapter on each node) → the link speed and RDMA of the NIC whose adapter has
 * that name on that node. Adapters that carry no cluster network are simply not used. These
 * objects come back from Invoke-Command, so the node may only be in PSComputerName.
 */
import { RANGE } from '../../model/shape';
import { aliasKey } from './hosts';
import { bool, field, firstField, isAbsent, isObj, items, listSome, nameOf, num, show, text, type Field } from './json';
import type { Build, NicInfo } from './model';

export const NODE_FIELDS = ['Node', 'PSComputerName'] as const;

/** NICs by node id + adapter name (case-insensitive). */
export function nicsByAdapter(nics: NicInfo[]): Map<string, NicInfo[]> {
  const map = new Map<string, NicInfo[]>();
  for (const nic of nics) {
    const key = aliasKey(nic.doc.node, nic.adapter);
    const list = map.get(key);
    if (list === undefined) map.set(key, [nic]);
    else list.push(nic);
  }
  return map;
}

export function readAdapters(list: Field, b: Build): void {
  const byAdapter = nicsByAdapter(b.nics);
  const done = new Set<NicInfo>();
  for (const f of items(list)) {
    if (!isObj(f.value)) continue;
    const nodeName = nameOf(firstField(f.value, NODE_FIELDS, f.path).value);
    const name = text(field(f.value, 'Name', f.path).value);
    const node = nodeName === undefined ? undefined : b.hosts.get(nodeName);
    if (node === undefined || name === undefined) continue;
    for (const nic of byAdapter.get(aliasKey(node.doc.id, name)) ?? []) {
      if (done.has(nic)) continue;
      done.add(nic);
      // A disconnected adapter reports speed 0: no speed rather than a wrong one.
      const bps = num(field(f.value, 'LinkSpeedBps', f.path).value);
      // A speed so small that it rounds to 0 Gb/s (a garbled counter) is as good as none.
      // (Below 1 Mb/s, the format's least speed, counts as none too.)
      if (bps !== undefined && bps / 1e9 >= RANGE.gbps.min) {
        if (bps / 1e9 <= RANGE.gbps.max) nic.doc.speedGbps = bps / 1e9;
        else b.ctx.dropped(`${f.path}.LinkSpeedBps`, `The link speed of ${nic.doc.id}, ${show(bps)} b/s, is more than any adapter has; it was left out.`, [nic.doc.id]);
      }
      if (bool(field(f.value, 'Rdma', f.path).value) === true) nic.doc.rdma = true;
      // Inventory v2: the IP MTU (NlMtu). Anything that is not a plausible MTU is left out.
      const mtuField = field(f.value, 'Mtu', f.path);
      const mtu = num(mtuField.value);
      if (mtu !== undefined && Number.isInteger(mtu) && mtu >= 576 && mtu <= 65535) nic.mtu = mtu;
      else if (!isAbsent(mtuField.value)) b.ctx.dropped(mtuField.path, `The MTU of ${nic.doc.id}, ${show(mtuField.value)}, is not an MTU (576 to 65535 bytes); it was left out.`, [nic.doc.id]);
    }
  }
  const withoutSpeed = b.nics.filter((n) => n.doc.speedGbps === undefined);
  if (withoutSpeed.length > 0 && b.nics.length > 0) {
    b.ctx.assumed(
      'adapters',
      `No link speed is known for ${listSome(withoutSpeed.map((n) => n.doc.id))}: the inventory has no connected adapter of that name on that node (host virtual NICs such as vEthernet adapters are not physical adapters). Enter their speed by hand if you need it.`,
      withoutSpeed.map((n) => n.doc.id),
    );
  }
}
