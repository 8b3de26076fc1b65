/**
 * fast-check arbitraries: valid topologies built by construction (unique addresses, routes via
 * router interfaces on the NIC's own subnet), with random states, exclusions and orders.
 */
import fc from 'fast-check';
import type { NetworkDoc, NicDoc, NodeDoc, RouterDoc, TopologyDocument } from '../../src/engine';

export interface GenOptions {
  withRouters?: boolean;
}

export function topologyArb(o: GenOptions = {}): fc.Arbitrary<TopologyDocument> {
  const withRouters = o.withRouters ?? true;
  return fc
    .record({
      nodeCount: fc.integer({ min: 2, max: 5 }),
      networkCount: fc.integer({ min: 2, max: 5 }),
      seed: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      nodeStates: fc.array(fc.constantFrom('up', 'up', 'up', 'up', 'up', 'up', 'down', 'paused'), { minLength: 5, maxLength: 5 }),
      nicDown: fc.array(fc.constantFrom(false, false, false, false, false, true), { minLength: 25, maxLength: 25 }),
      netStates: fc.array(fc.constantFrom('up', 'up', 'up', 'up', 'up', 'up', 'up', 'down'), { minLength: 5, maxLength: 5 }),
      roles: fc.array(fc.constantFrom(undefined, undefined, undefined, 'cluster', 'cluster', 'clusterAndClient', 'clusterAndClient', 'none'), { minLength: 5, maxLength: 5 }),
      metrics: fc.array(fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }), { minLength: 5, maxLength: 5 }),
      ipv6: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      order: fc.shuffledSubarray([0, 1, 2, 3, 4]),
      excluded: fc.subarray([0, 1, 2, 3, 4], { maxLength: 2 }),
      routerCount: fc.integer({ min: withRouters ? 1 : 0, max: withRouters ? 3 : 0 }),
      routerNets: fc.array(fc.subarray([0, 1, 2, 3, 4], { minLength: 2 }), { minLength: 3, maxLength: 3 }),
      routerChain: fc.boolean(),
      routerDown: fc.array(fc.constantFrom(false, false, false, true), { minLength: 3, maxLength: 3 }),
      routes: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 10 }),
    })
    .map((r) => {
      const nets = r.networkCount;
      const networks: NetworkDoc[] = [];
      for (let k = 0; k < nets; k++) {
        const net: NetworkDoc = { id: `net${k}`, name: `Network ${k}`, prefixes: [`10.${k}.0.0/24`] };
        if (r.ipv6[k]) net.prefixes.push(`fd00:${k}::/64`);
        if (r.roles[k]) net.role = r.roles[k] as NetworkDoc['role'];
        if (r.metrics[k] !== undefined) net.metric = r.metrics[k];
        if (r.netStates[k] === 'down') net.state = 'down';
        networks.push(net);
      }
      const nodes: NodeDoc[] = [];
      const nics: NicDoc[] = [];
      let bit = 0;
      const flip = (): boolean => r.seed[bit++ % r.seed.length]!;
      for (let i = 0; i < r.nodeCount; i++) {
        const node: NodeDoc = { id: `n${i}`, name: `HV${i}` };
        if (r.nodeStates[i] !== 'up') node.state = r.nodeStates[i] as NodeDoc['state'];
        nodes.push(node);
        for (let k = 0; k < nets; k++) {
          if (!flip()) continue;
          const addresses = [`10.${k}.0.${10 + i}/24`];
          if (r.ipv6[k] && flip()) addresses.push(`fd00:${k}::${10 + i}/64`);
          const nic: NicDoc = { id: `n${i}-${k}`, node: `n${i}`, name: `NIC ${k}`, addresses };
          if (r.nicDown[i * 5 + k]) nic.state = 'down';
          nics.push(nic);
        }
      }
      // Routers: router j has the .1+j address on each of its networks; an optional chain links them.
      const routers: RouterDoc[] = [];
      for (let j = 0; j < r.routerCount; j++) {
        const own = r.routerNets[j]!.filter((k) => k < nets);
        const interfaces = own.map((k) => `10.${k}.0.${1 + j}/24`);
        if (r.routerChain && j > 0) interfaces.push(`172.16.${j}.2/30`);
        if (r.routerChain && j < r.routerCount - 1) interfaces.push(`172.16.${j + 1}.1/30`);
        routers.push({ id: `r${j}`, name: `Router ${j}`, interfaces, ...(r.routerDown[j] ? { state: 'down' as const } : {}) });
      }
      // Routes: NICs on network a reach network b via some router with an interface on a.
      const addRoutes = (a: number, b: number): void => {
        // Prefer a router on both networks; any router on the source network otherwise (may not reach).
        const on = (rt: RouterDoc, k: number): boolean => rt.interfaces.includes(`10.${k}.0.${1 + Number(rt.id.slice(1))}/24`);
        const both = routers.findIndex((rt) => on(rt, a) && on(rt, b));
        const via = both >= 0 ? both : routers.findIndex((rt) => on(rt, a));
        if (via < 0) return;
        for (const nic of nics)
          if (nic.id.endsWith(`-${a}`)) {
            const route = { prefix: `10.${b}.0.0/24`, via: `10.${a}.0.${1 + via}` };
            if (!nic.routes?.some((x) => x.prefix === route.prefix)) (nic.routes ??= []).push(route);
          }
      };
      // Mostly both directions (a working routed pair needs the return route), sometimes one way only.
      r.routes.forEach(([a, b], i) => {
        if (a >= nets || b >= nets || a === b) return;
        addRoutes(a, b);
        if (i % 4 !== 3) addRoutes(b, a);
      });
      const doc: TopologyDocument = {
        format: 'lm-topology',
        version: 1,
        name: 'Generated',
        nodes,
        nics,
        networks,
        routers,
        liveMigration: {
          networkOrder: r.order.filter((k) => k < nets).map((k) => `net${k}`),
          excludedNetworks: r.excluded.filter((k) => k < nets).map((k) => `net${k}`),
        },
      };
      return doc;
    });
}
