/**
 * Property edits from the property panel. A field set back to its default is left out of the
 * document when it was absent (so save → open → save stays stable); `null` clears a field.
 * Values are written as given: the final parse (./apply.ts) refuses what is invalid, with the
 * engine's message.
 */
import { parseCidr } from '../model/address';
import { DEFAULT_MAX_PARALLEL_MIGRATIONS, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR, DEFAULT_TRANSPORT } from '../model/defaults';
import type { NetworkDoc, RouteDoc, TopologyDocument } from '../model/types';
import { elementKind } from '../model/elementKind';
import { appendElement, quote, updateElement, withField, type EditContext } from './context';
import { renumber, renumberings } from './renumber';
import { fail, type Edit, type Step } from './types';

type UpdateEdit = Extract<Edit, { type: `update-${string}` | 'add-route' | 'remove-route' | 'set-live-migration' }>;

/** Sets an optional field; `null` removes it; the default value is not written where it was absent. */
function optional<T extends object, K extends keyof T>(el: T, k: K, value: T[K] | null | undefined, fallback?: T[K]): T {
  if (value === undefined) return el;
  if (value === null) return withField(el, k, undefined);
  if (value === fallback && !(k in el)) return el;
  return withField(el, k, value);
}

function named<T extends { name: string }>(el: T, name: string | undefined): T | string {
  if (name === undefined) return el;
  const s = name.trim();
  if (s === '') return 'A name cannot be empty.';
  return withField(el, 'name', s);
}

const trimList = (list: readonly string[]): string[] => list.map((s) => s.trim()).filter((s) => s !== '');

const indexOf = (doc: TopologyDocument, section: 'sites' | 'nodes' | 'nics' | 'networks' | 'routers', id: string): number =>
  (doc[section] ?? []).findIndex((e) => e.id === id);

export function applyUpdate(ctx: EditContext, edit: UpdateEdit): Step {
  const { doc, t } = ctx;
  let error: string | null = null;
  let errorPath = '';
  const guard = <T>(section: 'sites' | 'nodes' | 'nics' | 'networks' | 'routers', id: string, change: (el: T) => T | string): ((el: T) => T) => (el) => {
    const out = change(el);
    if (typeof out === 'string') {
      error = out;
      errorPath = `${section}[${indexOf(doc, section, id)}].name`;
      return el;
    }
    return out;
  };
  const expect = (id: string, kind: string): Step | null => (elementKind(t, id) === kind ? null : fail(`There is no ${kind} ${quote(id)}.`));
  const target = 'id' in edit ? ([edit.id, edit.type.slice('update-'.length)] as const) : 'nic' in edit ? ([edit.nic, 'nic'] as const) : null;
  if (target) {
    const missing = expect(target[0], target[1]);
    if (missing) return missing;
  }
  let next: TopologyDocument;
  const messages: string[] = [];
  switch (edit.type) {
    case 'update-topology': {
      let d = doc;
      if (edit.patch.name !== undefined) d = edit.patch.name.trim() === '' ? withField(d, 'name', undefined) : withField(d, 'name', edit.patch.name.trim());
      if (edit.patch.description !== undefined) d = edit.patch.description.trim() === '' ? withField(d, 'description', undefined) : withField(d, 'description', edit.patch.description);
      next = d;
      break;
    }
    case 'update-site':
      next = updateElement(doc, 'sites', edit.id, guard('sites', edit.id, (s) => named(s, edit.patch.name)));
      break;
    case 'update-node':
      next = updateElement(doc, 'nodes', edit.id, guard('nodes', edit.id, (n) => {
        const out = named(n, edit.patch.name);
        return typeof out === 'string' ? out : optional(out, 'state', edit.patch.state, 'up');
      }));
      break;
    case 'update-nic': {
      const p = edit.patch;
      next = updateElement(doc, 'nics', edit.id, guard('nics', edit.id, (n) => {
        let out = named(n, p.name);
        if (typeof out === 'string') return out;
        if (p.addresses) out = withField(out, 'addresses', trimList(p.addresses));
        out = optional(out, 'speedGbps', p.speedGbps);
        out = optional(out, 'rdma', p.rdma, false);
        return optional(out, 'state', p.state, 'up');
      }));
      break;
    }
    case 'update-router': {
      const p = edit.patch;
      next = updateElement(doc, 'routers', edit.id, guard('routers', edit.id, (r) => {
        let out = named(r, p.name);
        if (typeof out === 'string') return out;
        if (p.interfaces) out = withField(out, 'interfaces', trimList(p.interfaces));
        return optional(out, 'state', p.state, 'up');
      }));
      break;
    }
    case 'update-network': {
      let d = doc;
      if (t.index.networks.get(edit.id)!.implicit) {
        // Declaring every implicit network (ids, names, order unchanged) keeps derived metrics and
        // therefore the live migration order exactly as they were.
        const implicit = t.networks.filter((n) => n.implicit);
        for (const n of implicit) d = appendElement(d, 'networks', { id: n.id, name: n.name, prefixes: [...n.prefixes] });
        messages.push(`To keep its settings, ${implicit.length > 1 ? `the networks created from addresses (${implicit.map((n) => quote(n.name)).join(', ')}) are` : `${quote(implicit[0]!.name)} is`} now declared in the topology.`);
      }
      const p = edit.patch;
      const current = (d.networks ?? []).find((n) => n.id === edit.id)!;
      if (p.prefixes) {
        const prefixes = trimList(p.prefixes);
        const moves = renumberings(current.prefixes, prefixes);
        if (moves.length > 0) {
          const r = renumber(d, moves);
          if (!r.ok) return fail(r.message, `networks[${indexOf(d, 'networks', edit.id)}].prefixes`);
          d = r.document;
          if (r.count > 0) messages.push(`Renumbered ${r.count} address${r.count > 1 ? 'es' : ''}: ${moves.map((m) => `${m.from.subnet} → ${m.to.subnet}`).join(', ')}.`);
        }
      }
      next = updateElement(d, 'networks', edit.id, guard<NetworkDoc>('networks', edit.id, (n) => {
        let out = named(n, p.name);
        if (typeof out === 'string') return out;
        if (p.prefixes) out = withField(out, 'prefixes', trimList(p.prefixes).map((x) => normalisePrefix(x)));
        out = optional(out, 'role', p.role);
        out = optional(out, 'metric', p.metric);
        out = optional(out, 'medium', p.medium);
        return optional(out, 'state', p.state, 'up');
      }));
      break;
    }
    case 'add-route': {
      const route: RouteDoc = { prefix: normalisePrefix(edit.route.prefix.trim()), via: edit.route.via.trim() };
      const nic = t.index.nics.get(edit.nic)!;
      const same = nic.routes.find((r) => sameRoute(r.prefix, route.prefix));
      if (same) return fail(`NIC ${quote(nic.name)} already has a route to ${same.prefix} (via ${same.via}); remove it first.`, `nics[${indexOf(doc, 'nics', edit.nic)}].routes`);
      next = updateElement(doc, 'nics', edit.nic, (n) => ({ ...n, routes: [...(n.routes ?? []), route] }));
      break;
    }
    case 'remove-route': {
      const routes = t.index.nics.get(edit.nic)!.routes;
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index >= routes.length) return fail(`NIC ${quote(edit.nic)} has no route #${edit.index + 1}.`);
      next = updateElement(doc, 'nics', edit.nic, (n) => ({ ...n, routes: (n.routes ?? []).filter((_, i) => i !== edit.index) }));
      break;
    }
    case 'set-live-migration': {
      const lm = doc.liveMigration ?? {};
      let out = lm;
      const same = (a: readonly string[] | undefined, b: readonly string[]): boolean => (a ?? []).length === b.length && b.every((x, i) => a![i] === x);
      if (edit.networkOrder && !same(lm.networkOrder, edit.networkOrder)) out = { ...out, networkOrder: [...edit.networkOrder] };
      if (edit.excludedNetworks && !same(lm.excludedNetworks, edit.excludedNetworks)) out = { ...out, excludedNetworks: [...edit.excludedNetworks] };
      if (edit.smbMultichannelNetworks && !same(lm.smbMultichannelNetworks, edit.smbMultichannelNetworks)) {
        const { smbMultichannelNetworks: _dropped, ...rest } = out;
        out = edit.smbMultichannelNetworks.length > 0 ? { ...out, smbMultichannelNetworks: [...edit.smbMultichannelNetworks] } : rest;
      }
      out = optional(out, 'transport', edit.transport, DEFAULT_TRANSPORT);
      out = optional(out, 'maxParallelMigrations', edit.maxParallelMigrations, DEFAULT_MAX_PARALLEL_MIGRATIONS);
      out = optional(out, 'smbBandwidthLimitFactor', edit.smbBandwidthLimitFactor, DEFAULT_SMB_BANDWIDTH_LIMIT_FACTOR);
      next = out === lm ? doc : { ...doc, liveMigration: out };
      break;
    }
    default:
      return fail('Unknown edit.');
  }
  if (error !== null) return fail(error, errorPath);
  return { ok: true, document: next, messages };
}

/** `10.1.10.7/24` typed as a prefix is meant as its subnet; anything unparsable is left for the parser to explain. */
function normalisePrefix(text: string): string {
  const c = parseCidr(text);
  return c ? c.subnet : text;
}

function sameRoute(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x !== null && y !== null && x.family === y.family && x.subnet === y.subnet;
}
