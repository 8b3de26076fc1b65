/**
 * Inventory v2 `vms`: the clustered virtual machines, each on the node that runs it now.
 * Memory to move is `MemoryAssigned` for a VM that has memory (running, paused…), else its
 * `MemoryStartup`. Get-VM reports both in bytes; a field named …MB holds mebibytes, and a plain
 * value below 1 MiB — no VM has that little memory — is read as mebibytes too, with a note.
 */
import { RANGE } from '../../model/shape';
import type { VmDoc } from '../../model/types';
import { readEnum, type EnumTable } from './enums';
import { slug } from './ids';
import { field, firstField, isAbsent, isObj, items, listSome, nameOf, num, show, type Field, type Obj } from './json';
import type { Build } from './model';


const CRITICAL = ['Running', 'Off', 'Stopping', 'Saved', 'Paused', 'Starting', 'Reset', 'Saving', 'Pausing', 'Resuming', 'FastSaved', 'FastSaving'];

/** Microsoft.HyperV.PowerShell.VMState. Saved VMs move without copying memory, as off VMs do. */
export const VM_STATE: EnumTable<'running' | 'off'> = {
  what: 'virtual machine state',
  values: [
    ['Other', 1, 'running'],
    ['Running', 2, 'running'],
    ['Off', 3, 'off'],
    ['Stopping', 4, 'running'],
    ['Saved', 6, 'off'],
    ['Paused', 9, 'running'],
    ['Starting', 10, 'running'],
    ['Reset', 11, 'running'],
    ['Saving', 32773, 'running'],
    ['Pausing', 32776, 'running'],
    ['Resuming', 32777, 'running'],
    ['FastSaved', 32779, 'off'],
    ['FastSaving', 32780, 'running'],
  ],
  // `RunningCritical` and the like: the same state with the VM's storage unavailable.
  aliases: Object.fromEntries(CRITICAL.map((s) => [`${s.toLowerCase()}critical`, s])),
};

const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** Bytes of one memory figure (`MemoryAssigned`, `MemoryStartup`), in whatever unit the file has it. */
function memoryBytes(vm: Obj, path: string, base: 'MemoryAssigned' | 'MemoryStartup', label: string, b: Build): number | undefined {
  const mb = field(vm, `${base}MB`, path);
  if (!isAbsent(mb.value)) {
    const n = num(mb.value);
    if (n !== undefined && n >= 0) return n * MIB;
    b.ctx.dropped(mb.path, `${label}: ${base}MB is ${show(mb.value)}, not a number of megabytes; it was not used.`);
    return undefined;
  }
  const f = firstField(vm, [base, `${base}Bytes`], path);
  if (isAbsent(f.value)) return undefined;
  const n = num(f.value);
  if (n === undefined || n < 0) {
    b.ctx.dropped(f.path, `${label}: ${base} is ${show(f.value)}, not a number of bytes; it was not used.`);
    return undefined;
  }
  if (n > 0 && n < MIB) {
    b.ctx.assumed(f.path, `${label}: ${base} is ${n}, too little to be bytes; it was read as ${n} MB.`);
    return n * MIB;
  }
  return n;
}

export function readVms(list: Field, b: Build): VmDoc[] {
  const out: VmDoc[] = [];
  const seen = new Map<string, string>();
  const noMemory: string[] = [];
  for (const f of items(list)) {
    if (!isObj(f.value)) {
      b.ctx.dropped(f.path, `An entry of 'vms' is ${show(f.value)}, not a virtual machine; it was left out.`);
      continue;
    }
    const vm = f.value;
    const name = nameOf(firstField(vm, ['Name', 'VMName'], f.path).value);
    if (name === undefined) {
      b.ctx.dropped(f.path, 'A virtual machine without a Name was left out.');
      continue;
    }
    const nodeField = firstField(vm, ['Node', 'OwnerNode', 'ComputerName', 'PSComputerName'], f.path);
    const nodeName = nameOf(nodeField.value);
    const node = nodeName === undefined ? undefined : b.hosts.get(nodeName);
    if (node === undefined) {
      b.ctx.dropped(nodeField.path, `Virtual machine ${name} was left out: its node ${nodeName ?? '(none given)'} is not a node of the inventory.`);
      continue;
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      b.ctx.dropped(f.path, `Virtual machine ${name} is listed twice (on ${first} and ${node.doc.name}, as during a migration); the second entry was left out.`, [node.doc.id]);
      continue;
    }
    const label = `Virtual machine ${name}`;
    const stateField = field(vm, 'State', f.path);
    const st = readEnum(VM_STATE, stateField);
    if (st.kind === 'invalid') b.ctx.assumed(stateField.path, `${label}: its state ${show(stateField.value)} ${st.message}; it is imported as running.`);
    else if (st.kind === 'absent') b.ctx.assumed(stateField.path, `${label} has no State; it is imported as running.`);
    const state = st.kind === 'ok' ? st.value : 'running';
    const assigned = memoryBytes(vm, f.path, 'MemoryAssigned', label, b);
    const startup = memoryBytes(vm, f.path, 'MemoryStartup', label, b);
    // A running VM moves its assigned memory; an off one has none assigned, so its startup memory is what it will need.
    const bytes = state === 'running' && assigned !== undefined && assigned > 0 ? assigned : startup !== undefined && startup > 0 ? startup : assigned;
    if (bytes === undefined || bytes <= 0) {
      noMemory.push(name);
      continue;
    }
    if (bytes / GIB > RANGE.memoryGB.max) {
      // 1e30 bytes was shown as a drain of "97777777777777800 h 58 min".
      b.ctx.dropped(f.path, `${label} was left out: its memory (${show(bytes)} bytes) is more than any VM can have (Windows Server: 240 TB; this app accepts up to ${RANGE.memoryGB.max.toLocaleString('en-US')} GB).`, [node.doc.id]);
      continue;
    }
    seen.set(key, node.doc.name);
    const doc: VmDoc = { id: b.ids.claim(`vm-${slug(name, 'vm')}`), name, node: node.doc.id, memoryGB: Math.round((bytes / GIB) * 1000) / 1000 || 0.001 };
    if (state === 'off') doc.state = 'off';
    out.push(doc);
  }
  if (noMemory.length > 0)
    b.ctx.dropped('vms', `${noMemory.length === 1 ? 'Virtual machine' : 'Virtual machines'} ${listSome(noMemory)} ${noMemory.length === 1 ? 'was' : 'were'} left out: the inventory gives no memory for ${noMemory.length === 1 ? 'it' : 'them'}.`);
  return out;
}

