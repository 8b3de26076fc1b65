/**
 * Cluster nodes: id from the name, state Up → up, Paused → paused, anything else → down
 * (a joining node cannot take a migration yet).
 */
import type { NodeDoc } from '../../model/types';
import { NODE_STATE, readEnum } from './enums';
import { slug } from './ids';
import { field, isObj, items, nameOf, show, type Field } from './json';
import type { Build, NodeInfo } from './model';

export function addNode(b: Build, name: string, state: NodeDoc['state']): NodeInfo {
  const doc: NodeDoc = { id: b.ids.claim(slug(name, 'node')), name };
  const site = b.siteOf(name);
  if (site !== undefined) doc.site = site;
  // 'up' is the format's default: like hand-written files, the import writes only the exceptions.
  if (state !== undefined && state !== 'up') doc.state = state;
  const info = { doc };
  b.nodes.push(info);
  b.hosts.add(name, info);
  return info;
}

export function readNodes(list: Field, b: Build): void {
  for (const f of items(list)) {
    if (!isObj(f.value)) {
      b.ctx.error(f.path, `Each entry of 'nodes' must be an object with the node's Name and State, not ${show(f.value)}.`);
      continue;
    }
    const nameField = field(f.value, 'Name', f.path);
    const name = nameOf(nameField.value);
    if (name === undefined) {
      b.ctx.error(nameField.path, `This node has no Name (found ${show(nameField.value)}).`);
      continue;
    }
    const existing = b.hosts.get(name);
    if (existing !== undefined) {
      b.ctx.dropped(f.path, `Node ${name} is listed twice (as ${existing.doc.name} too); the second entry was left out.`, [existing.doc.id]);
      continue;
    }
    const stateField = field(f.value, 'State', f.path);
    const state = readEnum(NODE_STATE, stateField);
    if (state.kind === 'invalid') {
      b.ctx.error(stateField.path, `The state of node ${name}, ${show(stateField.value)}, ${state.message}.`);
      continue;
    }
    const node = addNode(b, name, state.kind === 'ok' ? state.value : undefined);
    if (state.kind === 'absent') b.ctx.assumed(stateField.path, `Node ${name} has no State; it is assumed to be up.`, [node.doc.id]);
    else if (state.value === 'down' && state.name !== 'Down')
      b.ctx.assumed(stateField.path, `Node ${name} was ${state.name} when the inventory was taken; it is imported as down.`, [node.doc.id]);
  }
}
