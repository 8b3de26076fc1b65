/**
 * parseTopology: the boundary where an untrusted document becomes a Topology. Structure first
 * (types, required and unknown fields), then meaning (ids, references, addresses, prefixes),
 * then the derived facts and diagnostics. Never throws.
 */
import { isNetworkForm, parseAddress, parseCidr, prefixContains, prefixesOverlap, type ParsedCidr } from './address';
import { buildTopology } from './derive';
import { collectDiagnostics } from './diagnostics';
import { checkLimits } from './limits';
import { checkElement, describe, isRecord, Problems, SHAPES, type ElementShape } from './shape';
import type { ParseResult, TopologyDocument } from './types';

export const FORMAT = 'lm-topology';
export const VERSION = 1;

const SECTIONS = [
  ['sites', SHAPES.site, 'Site'],
  ['nodes', SHAPES.node, 'Node'],
  ['nics', SHAPES.nic, 'NIC'],
  ['networks', SHAPES.network, 'Network'],
  ['routers', SHAPES.router, 'Router'],
  ['vms', SHAPES.vm, 'VM'],
] as const satisfies readonly (readonly [string, ElementShape, string])[];

const label = (kind: string, el: Record<string, unknown>, i: number): string =>
  typeof el.id === 'string' && el.id !== '' ? `${kind} '${el.id}'` : `${kind} #${i + 1}`;

export function parseTopology(input: unknown): ParseResult {
  try {
    return parseUnsafe(input);
  } catch (e) {
    // A bug, not bad input: still never throw at the caller.
    return { ok: false, errors: [{ path: '', message: `The topology could not be read (${e instanceof Error ? e.message : String(e)}).` }] };
  }
}

function parseUnsafe(input: unknown): ParseResult {
  const p = new Problems();
  if (!isRecord(input)) {
    return { ok: false, errors: [{ path: '', message: `A topology file is a JSON object, not ${describe(input)}.` }] };
  }
  if (input.format !== FORMAT) {
    p.add('format', input.format === undefined
      ? `This is not an LM Path Visualizer topology: the field 'format' must be "${FORMAT}".`
      : `This is not an LM Path Visualizer topology: 'format' is ${describe(input.format)}, expected "${FORMAT}".`);
    return { ok: false, errors: p.errors };
  }
  if (input.version !== VERSION) {
    const v = input.version;
    p.add('version', typeof v === 'number' && v > VERSION
      ? `This file was written by a newer version of the format (version ${v}); this app reads version ${VERSION}. Open it in a newer LM Path Visualizer.`
      : `Unsupported format version ${describe(v)}: this app reads version ${VERSION}.`);
    return { ok: false, errors: p.errors };
  }
  // Sizes, depths and text the app cannot show safely: refused before anything else is read.
  checkLimits(input, p);
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  checkTopFields(input, p);
  for (const [section] of SECTIONS) checkSectionShape(input, section, p);
  if (input.liveMigration !== undefined) checkElement(input.liveMigration, SHAPES.liveMigration, 'liveMigration', 'the live migration settings', p);
  checkPlanningShape(input, p);
  checkLayoutShape(input, p);
  if (p.errors.length > 0) return { ok: false, errors: p.errors };

  const doc = input as TopologyDocument;
  checkMeaning(doc, p);
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  const topology = buildTopology(doc);
  checkImplicitOverlaps(topology.networks, doc, p);
  checkLiveMigrationRefs(doc, new Set(topology.networks.map((n) => n.id)), p);
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  return { ok: true, topology, diagnostics: collectDiagnostics(topology) };
}

type Section = (typeof SECTIONS)[number][0];

/** The topology's name and description are text. */
export function checkTopFields(input: Record<string, unknown>, p: Problems): void {
  for (const key of ['name', 'description'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'string') p.add(key, `'${key}' must be text, not ${describe(input[key])}.`);
  }
}

/** The structure of one section's elements (a NIC's routes included). */
export function checkSectionShape(input: Record<string, unknown>, section: Section, p: Problems): void {
  const [, shape, kind] = SECTIONS.find(([s]) => s === section)!;
  const list = input[section];
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    p.add(section, `'${section}' must be a list, not ${describe(list)}.`);
    return;
  }
  list.forEach((el, i) => {
    const at = `${section}[${i}]`;
    if (!checkElement(el, shape, at, isRecord(el) ? label(kind, el, i) : `${kind} #${i + 1}`, p)) return;
    if (section === 'nics' && Array.isArray(el.routes)) {
      el.routes.forEach((r, k) => checkElement(r, SHAPES.route, `${at}.routes[${k}]`, `route #${k + 1} of ${label(kind, el, i)}`, p));
    }
  });
}

export function checkPlanningShape(input: Record<string, unknown>, p: Problems): void {
  if (input.planning !== undefined && checkElement(input.planning, SHAPES.planning, 'planning', 'the planning assumptions', p) && isRecord(input.planning.efficiency))
    checkElement(input.planning.efficiency, SHAPES.efficiency, 'planning.efficiency', 'the planning efficiencies', p);
}

export function checkLayoutShape(input: Record<string, unknown>, p: Problems): void {
  if (input.layout === undefined) return;
  if (!isRecord(input.layout)) p.add('layout', `'layout' must be an object of positions, not ${describe(input.layout)}.`);
  else
    for (const [id, pos] of Object.entries(input.layout)) {
      if (!isRecord(pos) || typeof pos.x !== 'number' || typeof pos.y !== 'number' || !Number.isFinite(pos.x) || !Number.isFinite(pos.y) || Object.keys(pos).some((k) => k !== 'x' && k !== 'y'))
        p.add(`layout.${id}`, `The saved position of '${id}' must be {"x": number, "y": number}.`);
    }
}

/** Ids, references and addresses. The document's structure is known to be right here. */
function checkMeaning(doc: TopologyDocument, p: Problems): void {
  const ids = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = ids.get(id);
    if (first !== undefined) p.add(path, `The id '${id}' is used twice (first at ${first}). Every site, node, NIC, network, router and VM needs its own id.`);
    else ids.set(id, path);
  };
  const sites = new Set<string>();
  const nodes = new Set<string>();
  (doc.sites ?? []).forEach((s, i) => { claim(s.id, `sites[${i}].id`); sites.add(s.id); });
  (doc.nodes ?? []).forEach((n, i) => { claim(n.id, `nodes[${i}].id`); nodes.add(n.id); });
  (doc.nics ?? []).forEach((n, i) => claim(n.id, `nics[${i}].id`));
  (doc.networks ?? []).forEach((n, i) => claim(n.id, `networks[${i}].id`));
  (doc.routers ?? []).forEach((r, i) => claim(r.id, `routers[${i}].id`));
  (doc.vms ?? []).forEach((v, i) => claim(v.id, `vms[${i}].id`));

  (doc.nodes ?? []).forEach((n, i) => {
    if (n.site !== undefined && !sites.has(n.site)) p.add(`nodes[${i}].site`, `Node '${n.id}' is in site '${n.site}', which does not exist.`);
  });
  (doc.routers ?? []).forEach((r, i) => {
    if (r.site !== undefined && !sites.has(r.site)) p.add(`routers[${i}].site`, `Router '${r.id}' is in site '${r.site}', which does not exist.`);
  });
  (doc.vms ?? []).forEach((v, i) => {
    if (!nodes.has(v.node)) p.add(`vms[${i}].node`, `VM '${v.id}' runs on node '${v.node}', which does not exist.`);
  });

  // Network prefixes: parsable, network-address form, one per family, no overlap between networks.
  const declared: { cidr: ParsedCidr; path: string; id: string }[] = [];
  (doc.networks ?? []).forEach((net, i) => {
    const families = new Set<number>();
    net.prefixes.forEach((text, k) => {
      const at = `networks[${i}].prefixes[${k}]`;
      const c = parseCidr(text);
      if (!c) return p.add(at, `Network '${net.id}': '${text}' is not a prefix (expected e.g. 10.0.1.0/24 or fd00:1::/64).`);
      if (!isNetworkForm(c)) return p.add(at, `Network '${net.id}': '${text}' has host bits set; write the network address ${c.subnet}.`);
      if (families.has(c.family)) return p.add(at, `Network '${net.id}' has more than one IPv${c.family} prefix; a cluster network has at most one IPv4 and one IPv6 prefix.`);
      families.add(c.family);
      const clash = declared.find((d) => prefixesOverlap(d.cidr, c));
      if (clash) return p.add(at, c.subnet === clash.cidr.subnet
        ? `Networks '${clash.id}' and '${net.id}' both claim ${c.subnet}.`
        : `Network '${net.id}' (${c.subnet}) overlaps network '${clash.id}' (${clash.cidr.subnet}).`);
      declared.push({ cidr: c, path: at, id: net.id });
    });
  });

  // Interface addresses: parsable, unique across NICs and routers.
  const seen = new Map<string, string>();
  const own = (text: string, at: string, whose: string): ParsedCidr | null => {
    const c = parseCidr(text);
    if (!c) {
      p.add(at, `${whose}: '${text}' is not an address with a prefix length (expected e.g. 10.0.1.11/24).`);
      return null;
    }
    const key = `${c.family}|${c.text}`;
    const first = seen.get(key);
    if (first !== undefined) p.add(at, `${whose}: the address ${c.text} is already used at ${first}.`);
    else seen.set(key, at);
    return c;
  };
  (doc.nics ?? []).forEach((nic, i) => {
    const whose = `NIC '${nic.id}'`;
    if (!nodes.has(nic.node)) p.add(`nics[${i}].node`, `${whose} belongs to node '${nic.node}', which does not exist.`);
    const mine = nic.addresses.map((a, k) => own(a, `nics[${i}].addresses[${k}]`, whose)).filter((c): c is ParsedCidr => c !== null);
    (nic.routes ?? []).forEach((r, k) => {
      const at = `nics[${i}].routes[${k}]`;
      const prefix = parseCidr(r.prefix);
      if (!prefix) p.add(`${at}.prefix`, `${whose}: route destination '${r.prefix}' is not a prefix (expected e.g. 10.2.10.0/24, or 0.0.0.0/0 for a default route).`);
      else if (!isNetworkForm(prefix)) p.add(`${at}.prefix`, `${whose}: route destination '${r.prefix}' has host bits set; write ${prefix.subnet}.`);
      const via = parseAddress(r.via);
      if (!via) return p.add(`${at}.via`, `${whose}: next hop '${r.via}' is not an address (expected e.g. 10.1.10.1, without a prefix length).`);
      if (prefix && prefix.family !== via.family) return p.add(`${at}.via`, `${whose}: next hop ${via.text} is IPv${via.family} but the route is for IPv${prefix.family} destination ${r.prefix}.`);
      if (!mine.some((c) => prefixContains(c, via)))
        p.add(`${at}.via`, `${whose}: next hop ${via.text} is not on the NIC's own subnet${mine.length ? ` (${mine.map((c) => c.subnet).join(', ')})` : ''}; a gateway must be directly reachable.`);
    });
  });
  (doc.routers ?? []).forEach((r, i) => r.interfaces.forEach((a, k) => own(a, `routers[${i}].interfaces[${k}]`, `Router '${r.id}'`)));
}

/** An address whose subnet no declared network has, but that lies inside (or around) one, is a typo in its prefix length. */
function checkImplicitOverlaps(networks: { id: string; implicit: boolean; prefixes: string[] }[], doc: TopologyDocument, p: Problems): void {
  const declared = networks.filter((n) => !n.implicit).flatMap((n) => n.prefixes.map((pr) => ({ id: n.id, cidr: parseCidr(pr)! })));
  const implicitSubnets = new Set(networks.filter((n) => n.implicit).flatMap((n) => n.prefixes));
  if (implicitSubnets.size === 0) return;
  (doc.nics ?? []).forEach((nic, i) =>
    nic.addresses.forEach((a, k) => {
      const c = parseCidr(a)!;
      if (!implicitSubnets.has(c.subnet)) return;
      const clash = declared.find((d) => prefixesOverlap(d.cidr, c));
      if (clash)
        p.add(`nics[${i}].addresses[${k}]`, `NIC '${nic.id}': ${a} lies in network '${clash.id}' (${clash.cidr.subnet}) but with prefix length /${c.prefixLength}; use /${clash.cidr.prefixLength}.`);
    }),
  );
}

function checkLiveMigrationRefs(doc: TopologyDocument, networkIds: Set<string>, p: Problems): void {
  const what = { networkOrder: 'order', excludedNetworks: 'exclusions', smbMultichannelNetworks: 'SMB Multichannel constraint' } as const;
  for (const key of ['networkOrder', 'excludedNetworks', 'smbMultichannelNetworks'] as const) {
    const list = doc.liveMigration?.[key] ?? [];
    const dup = new Set<string>();
    list.forEach((id, i) => {
      if (!networkIds.has(id)) p.add(`liveMigration.${key}[${i}]`, `The live migration ${what[key]} name${key === 'smbMultichannelNetworks' ? 's' : ''} network '${id}', which does not exist.`);
      else if (dup.has(id)) p.add(`liveMigration.${key}[${i}]`, `Network '${id}' is listed twice in the live migration ${what[key]}.`);
      dup.add(id);
    });
  }
}
