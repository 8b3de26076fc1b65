/** The cluster's own network and the default order (format §7, 1.1), on small named cases. */
import { describe, expect, it } from 'vitest';
import type { NetworkDoc, TopologyDocument } from '../../src/engine';
import { load } from './helpers';

const doc = (networks: NetworkDoc[], liveMigration: TopologyDocument['liveMigration'] = {}): TopologyDocument => ({ format: 'lm-topology', version: 1, networks, liveMigration });
const net = (id: string, name: string, k: number, extra: Partial<NetworkDoc> = {}): NetworkDoc => ({ id, name, prefixes: [`10.0.${k}.0/24`], ...extra });

describe('the cluster’s own network and the default order', () => {
  const cases: [string, TopologyDocument, string | null, string[]][] = [
    // Derived metrics: cluster role 40000 + position → a 40000, b 40001, c 40002. Own: a → last.
    ['lowest derived metric goes last', doc([net('a', 'CSV', 0), net('b', 'LM 1', 1), net('c', 'LM 2', 2)]), 'a', ['b', 'c', 'a']],
    // Equal metrics 100: name decides ('Alpha' < 'Beta'), then the rest by name.
    ['a tie on metric goes by name', doc([net('z', 'Beta', 0, { metric: 100 }), net('y', 'Alpha', 1, { metric: 100 }), net('x', 'Gamma', 2, { metric: 100 })]), 'y', ['z', 'x', 'y']],
    // Equal metric and name: id decides ('p' < 'q').
    ['then by id', doc([net('q', 'Same', 0, { metric: 5 }), net('p', 'Same', 1, { metric: 5 })]), 'p', ['q', 'p']],
    // Role none is never the cluster's own network: b (40001) is, though a has metric 1.
    ['role none does not count', doc([net('a', 'Backup', 0, { role: 'none', metric: 1 }), net('b', 'CSV', 1), net('c', 'LM', 2)]), 'b', ['c', 'b']],
    // A down network still is the cluster's own (any state): it is not eligible, and nothing else moves.
    ['own network down: nothing moves', doc([net('a', 'CSV', 0, { state: 'down' }), net('b', 'LM 1', 1), net('c', 'LM 2', 2)]), 'a', ['b', 'c']],
    // Excluded: the same — it is still the cluster's own network, and the rest stay by metric.
    ['own network excluded: nothing moves', doc([net('a', 'CSV', 0), net('b', 'LM 1', 1), net('c', 'LM 2', 2)], { excludedNetworks: ['a'] }), 'a', ['b', 'c']],
    // clusterAndClient counts too: mgmt 5 (set) is lower than the cluster-only 40001.
    ['a client network can be the cluster’s own', doc([net('m', 'Mgmt', 0, { role: 'clusterAndClient', metric: 5 }), net('b', 'LM', 1)]), 'm', ['b', 'm']],
    // An explicit order keeps the own network where it is listed.
    ['explicit order: listed first, the rest by metric', doc([net('a', 'CSV', 0), net('b', 'LM 1', 1), net('c', 'LM 2', 2)], { networkOrder: ['a'] }), 'a', ['a', 'b', 'c']],
    ['no networks', doc([]), null, []],
  ];
  it.each(cases)('%s', (_name, d, own, order) => {
    const t = load(d);
    expect(t.clusterNetworkId).toBe(own);
    expect(t.preferenceOrder).toEqual(order);
  });
});
