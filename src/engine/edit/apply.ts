/**
 * applyEdit: data in, plan out. Applies one edit to a document and returns the next document
 * (parsed, ready to commit) or the errors, never a half-applied change. Untouched elements and
 * sections keep their identity; an edit that changes nothing returns the same document (by identity).
 */
import { parseTopology } from '../model/parse';
import { reparseTopology } from '../model/reparse';
import type { Diagnostic, Topology, TopologyDocument } from '../model/types';
import { applyAdd } from './add';
import { applyDuplicate, applyPaste } from './clipboard';
import { applyConnect } from './connect';
import { quote, usedIds, type EditContext } from './context';
import { applyPositions, applyRemovePositions } from './setPositions';
import { applyMove } from './move';
import { applyDelete } from './remove';
import { applySetHistory, applySetPathTest } from './observations';
import type { Edit, EditResult, Step } from './types';
import { applyUpdate } from './update';
import { applyAddVms, applyDeleteVms, applyMoveVms, applySetPlanning, applyUpdateVm } from './vms';

export interface Parsed {
  topology: Topology;
  diagnostics: Diagnostic[];
}

/**
 * @param parsed the parse of `doc` when the caller has it (the store does), to save a parse.
 */
export function applyEdit(doc: TopologyDocument, edit: Edit, parsed?: Parsed): EditResult {
  let before = parsed;
  if (!before) {
    const r = parseTopology(doc);
    if (!r.ok) return r;
    before = r;
  }
  const step = run({ doc, t: before.topology, parsed: before }, edit);
  if (!step.ok) return step;
  const messages = [...new Set(step.messages ?? [])];
  const created = step.created ?? [];
  if (step.document === doc) return { ok: true, document: doc, messages, created, topology: before.topology, diagnostics: before.diagnostics };
  const settled = settle(before, step.document, messages);
  if (!settled.ok) return settled;
  return { ok: true, document: settled.document, messages, created, topology: settled.topology, diagnostics: settled.diagnostics };
}

function run(ctx: EditContext, edit: Edit): Step {
  switch (edit.type) {
    case 'add-site':
    case 'add-node':
    case 'add-nic':
    case 'add-network':
    case 'add-router':
      return applyAdd(ctx, edit);
    case 'connect':
      return applyConnect(ctx, edit.from, edit.to);
    case 'move':
      return applyMove(ctx, edit.ids, edit.to);
    case 'delete':
      return applyDelete(ctx, edit.ids);
    case 'set-positions':
      return applyPositions(ctx, edit.positions);
    case 'remove-positions':
      return applyRemovePositions(ctx, edit.ids);
    case 'paste':
      return applyPaste(ctx, edit.clip, edit.site);
    case 'duplicate':
      return applyDuplicate(ctx, edit.ids);
    case 'batch':
      return runBatch(ctx, edit.edits);
    case 'add-vms':
      return applyAddVms(ctx, edit.node, edit.memoryGB, edit.count, edit.name, edit.state);
    case 'update-vm':
      return applyUpdateVm(ctx, edit.id, edit.patch);
    case 'move-vms':
      return applyMoveVms(ctx, edit.ids, edit.node);
    case 'delete-vms':
      return applyDeleteVms(ctx, edit.ids);
    case 'set-planning':
      return applySetPlanning(ctx, edit.planning);
    case 'set-path-test':
      return applySetPathTest(ctx, edit.record);
    case 'set-history':
      return applySetHistory(ctx, edit.record);
    default:
      return applyUpdate(ctx, edit);
  }
}

/** Each edit of a batch sees the result of the previous ones. */
function runBatch(ctx: EditContext, edits: readonly Edit[]): Step {
  let { doc, t } = ctx;
  let parsed = ctx.parsed;
  const messages: string[] = [];
  const created: string[] = [];
  for (const e of edits) {
    const step = run({ doc, t, parsed }, e);
    if (!step.ok) return step;
    messages.push(...(step.messages ?? []));
    created.push(...(step.created ?? []));
    if (step.document === doc) continue;
    const r = parsed ? reparseTopology(parsed, step.document) : parseTopology(step.document);
    if (!r.ok) return r;
    doc = step.document;
    t = r.topology;
    parsed = r;
  }
  return { ok: true, document: doc, messages, created };
}

type Settled = { ok: true; document: TopologyDocument; topology: Topology; diagnostics: Diagnostic[] } | { ok: false; errors: { path: string; message: string }[] };

/**
 * The final parse, after dropping references an edit left behind indirectly: a network the
 * parser created from addresses disappears with its last address, and with it its place in the
 * live migration settings and its saved position.
 */
function settle(parsed: Parsed, next: TopologyDocument, messages: string[]): Settled {
  const before = parsed.topology;
  const declared = new Set((next.networks ?? []).map((n) => n.id));
  const lm = next.liveMigration;
  const refs = [...(lm?.networkOrder ?? []), ...(lm?.excludedNetworks ?? []), ...(lm?.smbMultichannelNetworks ?? [])];
  const questionable = new Set(refs.filter((id) => !declared.has(id)));
  const probe = questionable.size > 0 ? stripRefs(next, questionable) : next;
  // Only what the edit touched is parsed again when nothing else is derived from it (VMs, positions, planning…).
  const r = reparseTopology(parsed, probe);
  if (!r.ok) return r;
  const exists = usedIds(r.topology);
  const was = usedIds(before);
  // Only what vanished through this edit; a reference to an id that never existed stays an error.
  const gone = new Set([...questionable].filter((id) => was.has(id) && !exists.has(id)));
  for (const id of gone) {
    const name = before.index.networks.get(id)?.name;
    if (name !== undefined) messages.push(`Network ${quote(name)} no longer exists (its last address was removed), so it left the live migration settings.`);
  }
  let final = gone.size > 0 ? stripRefs(next, gone) : next;
  const stale = Object.keys(final.layout ?? {}).filter((id) => was.has(id) && !exists.has(id));
  if (stale.length > 0) final = { ...final, layout: Object.fromEntries(Object.entries(final.layout!).filter(([id]) => !stale.includes(id))) };
  if (final === probe) return { ok: true, document: final, topology: r.topology, diagnostics: r.diagnostics };
  const again = reparseTopology(r, final);
  if (!again.ok) return again;
  return { ok: true, document: final, topology: again.topology, diagnostics: again.diagnostics };
}

function stripRefs(doc: TopologyDocument, ids: Set<string>): TopologyDocument {
  const lm = doc.liveMigration!;
  const out = { ...lm };
  if (lm.networkOrder) out.networkOrder = lm.networkOrder.filter((id) => !ids.has(id));
  if (lm.excludedNetworks) out.excludedNetworks = lm.excludedNetworks.filter((id) => !ids.has(id));
  if (lm.smbMultichannelNetworks) out.smbMultichannelNetworks = lm.smbMultichannelNetworks.filter((id) => !ids.has(id));
  return { ...doc, liveMigration: out };
}
