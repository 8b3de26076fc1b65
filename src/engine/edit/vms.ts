/**
 * VM edits (format 1.1 `vms`) and the planning assumptions. A VM is data of its node, not drawn:
 * adding, changing, moving and deleting VMs touch only the `vms` section (and `planning`), so
 * every other section keeps its identity. Names and ids are fresh and readable: `vm1`, `VM01`.
 */
import type { PlanningDoc, TopologyDocument, VmDoc, VmState } from '../model/types';
import { RANGE } from '../model/shape';
import { quote, usedIds, withField, type EditContext } from './context';
import { firstFree, pad2 } from './ids';
import { fail, type Step } from './types';

export interface VmPatch {
  name?: string;
  memoryGB?: number;
  state?: VmState;
}

/** "Memory must be from 0.001 to 262,144 GB", naming the VM (the format's range). */
export function memoryProblem(memoryGB: number, name: string): string | null {
  const { min, max } = RANGE.memoryGB;
  return Number.isFinite(memoryGB) && memoryGB >= min && memoryGB <= max ? null : `The memory of VM ${quote(name)} must be a number of GB from ${min} to ${max.toLocaleString('en-US')}.`;
}

const vmsOf = (doc: TopologyDocument): VmDoc[] => doc.vms ?? [];
const withVms = (doc: TopologyDocument, vms: VmDoc[]): TopologyDocument => ({ ...doc, vms });

/**
 * Adds `count` VMs of `memoryGB` to a node. Names: the given name for one VM, else the stem
 * (default `VM`) followed by the first free two-digit numbers (`VM01`, `VM02`…).
 */
export function applyAddVms(ctx: EditContext, node: string, memoryGB: number, count = 1, name?: string, state?: VmState): Step {
  const { doc, t } = ctx;
  const owner = t.index.nodes.get(node);
  if (!owner) return fail(`There is no node ${quote(node)} to put VMs on.`);
  if (!Number.isInteger(count) || count < 1 || count > 1000) return fail('Add between 1 and 1000 VMs at a time.');
  const stem = (name ?? '').trim();
  const label = count === 1 && stem !== '' ? stem : `${stem || 'VM'}…`;
  const problem = memoryProblem(memoryGB, label);
  if (problem) return fail(problem);
  const ids = usedIds(t);
  const names = new Set(vmsOf(doc).map((v) => v.name));
  const added: VmDoc[] = [];
  for (let k = 0; k < count; k++) {
    const id = firstFree((j) => `vm${j}`, (s) => ids.has(s));
    ids.add(id);
    const vmName = count === 1 && stem !== '' ? stem : firstFree((j) => `${stem || 'VM'}${pad2(j)}`, (s) => names.has(s));
    names.add(vmName);
    const vm: VmDoc = { id, name: vmName, node, memoryGB };
    if (state === 'off') vm.state = 'off';
    added.push(vm);
  }
  const what = count === 1 ? `VM ${quote(added[0]!.name)}` : `${count} VMs (${added[0]!.name}…${added[count - 1]!.name})`;
  // No `created`: the store would select them, and a VM is not a diagram element.
  return { ok: true, document: withVms(doc, [...vmsOf(doc), ...added]), messages: [`Added ${what} of ${memoryGB} GB to ${owner.name}.`] };
}

export function applyUpdateVm(ctx: EditContext, id: string, patch: VmPatch): Step {
  const list = vmsOf(ctx.doc);
  const at = list.findIndex((v) => v.id === id);
  if (at < 0) return fail(`There is no VM ${quote(id)}.`);
  let vm = list[at]!;
  if (patch.name !== undefined) {
    const s = patch.name.trim();
    if (s === '') return fail('A name cannot be empty.', `vms[${at}].name`);
    vm = withField(vm, 'name', s);
  }
  if (patch.memoryGB !== undefined) {
    const problem = memoryProblem(patch.memoryGB, vm.name);
    if (problem) return fail(problem, `vms[${at}].memoryGB`);
    vm = withField(vm, 'memoryGB', patch.memoryGB);
  }
  // `running` is the default: written only as `off`, so a round trip stays stable.
  if (patch.state !== undefined) vm = withField(vm, 'state', patch.state === 'off' ? 'off' : undefined);
  if (vm === list[at]) return { ok: true, document: ctx.doc };
  return { ok: true, document: withVms(ctx.doc, list.map((v, i) => (i === at ? vm : v))) };
}

export function applyMoveVms(ctx: EditContext, ids: readonly string[], node: string): Step {
  const owner = ctx.t.index.nodes.get(node);
  if (!owner) return fail(`There is no node ${quote(node)} to move VMs to.`);
  const moving = new Set(ids);
  let changed = false;
  const vms = vmsOf(ctx.doc).map((v) => {
    if (!moving.has(v.id) || v.node === node) return v;
    changed = true;
    return { ...v, node };
  });
  return { ok: true, document: changed ? withVms(ctx.doc, vms) : ctx.doc };
}

export function applyDeleteVms(ctx: EditContext, ids: readonly string[]): Step {
  const gone = new Set(ids);
  const list = vmsOf(ctx.doc);
  const vms = list.filter((v) => !gone.has(v.id));
  if (vms.length === list.length) return { ok: true, document: ctx.doc };
  // An emptied section goes, so that a design without VMs saves as it did before VMs existed.
  if (vms.length === 0) {
    const { vms: _gone, ...rest } = ctx.doc;
    return { ok: true, document: rest as TopologyDocument };
  }
  return { ok: true, document: withVms(ctx.doc, vms) };
}

/** Replaces the planning assumptions; null or `{}` removes the section (every default applies). */
export function applySetPlanning(ctx: EditContext, planning: PlanningDoc | null): Step {
  const empty = planning === null || Object.keys(planning).length === 0;
  if (empty) {
    if (!('planning' in ctx.doc)) return { ok: true, document: ctx.doc };
    const { planning: _gone, ...rest } = ctx.doc;
    return { ok: true, document: rest as TopologyDocument };
  }
  if (JSON.stringify(ctx.doc.planning) === JSON.stringify(planning)) return { ok: true, document: ctx.doc };
  return { ok: true, document: { ...ctx.doc, planning } };
}
