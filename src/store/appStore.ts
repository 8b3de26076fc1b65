/**
 * The application store: the topology document (the one truth), its undo history, the what-if
 * failures and the UI state. Created by a factory so that each test and each app gets its own.
 *
 * Invariant: `document` always parses. Every change of the document is an `Edit` (engine/edit,
 * applied by the pure reducer) or a `load`; both parse first and refuse (returning the errors)
 * instead of applying anything half-way. A gesture that needs several changes sends one `batch`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_LEGACY_TIMEOUT_SECONDS, isLegacyTimeout, parseTopology, reparseTopology, type Diagnostic, type Mode, type ParseError, type Topology, type TopologyDocument } from '../engine';
import { applyEdit, copyNodes, emptyTopology, type Clip, type Edit } from '../engine/edit';
import { readOrigin } from '../engine';
import { applyFailures, elementKind, failableKind } from '../engine';
import { friendlyErrors } from './friendlyErrors';

export const HISTORY_LIMIT = 200;

export type Panel = 'path' | 'details' | 'validation' | 'matrix' | 'maintenance';

/** The designer's interaction mode (what a canvas press does). */
export type Tool = 'select' | 'connect';
/** Dialogs opened by commands. */
export type Dialog = 'live-migration' | 'shortcuts' | 'new-topology';

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

export interface UiState {
  sourceNodeId: string | null;
  destinationNodeId: string | null;
  mode: Mode;
  legacyTimeoutSeconds: number;
  /** Selected element ids (canvas selection); not an undo step. */
  selectedIds: string[];
  /** What-if failures: element ids simulated as down. Not part of the design. */
  failed: string[];
  panel: Panel;
  tool: Tool;
  /** Nodes copied with their NICs (Ctrl+C), for paste. Not an undo step. */
  clipboard: Clip | null;
  dialog: Dialog | null;
  /** The maintenance planner's node (Drain…), and its destination: null = balanced. */
  drainNodeId: string | null;
  drainDestination: string | null;
  /** The pair a planner bar shows on the diagram while hovered, and what it replaced. */
  preview: { sourceNodeId: string | null; destinationNodeId: string | null; mode: Mode } | null;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Path-and-message list shown under the text (e.g. a refused file's errors). */
  errors?: ParseError[];
  /** Data the user may download (e.g. unreadable autosave), never discarded silently. */
  download?: { filename: string; content: string };
}

/**
 * Whether autosave keeps the work in this browser, shown until it does again (a notice would be
 * replaced by the next one). `conflict`: another tab saved newer work; this tab writes nothing
 * until the user chooses.
 */
export type AutosaveStatus =
  | { kind: 'on' }
  | { kind: 'off' }
  | { kind: 'failed'; at: string }
  | { kind: 'conflict'; at: string; choose(choice: 'theirs' | 'mine'): void };

/**
 * A notice that only informs (no errors to read, nothing to download) fades by itself; the others
 * stay until dismissed or replaced. A notice with a download is never cleared by an edit.
 */
export const noticeFades = (n: Notice): boolean => n.kind === 'info' && !n.download && !(n.errors && n.errors.length > 0);
export const NOTICE_FADE_MS = 8000;

export type CommitResult = { ok: true } | { ok: false; errors: ParseError[] };
/** What an edit did: the messages the UI shows (e.g. routes removed with a router) and the new elements. */
export type EditOutcome = { ok: true; messages: string[]; created: string[] } | { ok: false; errors: ParseError[] };

export interface AppState {
  document: TopologyDocument;
  /** The design as parsed (no what-if failures): its diagnostics are the design's. */
  design: Topology;
  diagnostics: Diagnostic[];
  /** The topology the paths are computed on: the design with the what-if failures applied. */
  effective: Topology;
  past: TopologyDocument[];
  future: TopologyDocument[];
  /** The document as last saved, opened or loaded: differs from `document` when there are unsaved changes. */
  savedDocument: TopologyDocument;
  /**
   * Bumped when a whole topology replaces the current one (open, new, example, import, share
   * link), and by an undo or redo across such a load: the canvas fits the view to it. Edits, and
   * undo or redo of edits, leave it alone.
   */
  loadSeq: number;
  ui: UiState;
  notice: Notice | null;
  autosave: AutosaveStatus;
  actions: AppActions;
}

/**
 * A click on the diagram, as the canvas reports it: `id` is the topology element clicked (null:
 * the background). `link`: the click was on a line standing for that NIC or router; `group`: the
 * drawn element stands for several elements (a transit subnet for its routers), selected together.
 * `additive`: Ctrl/Cmd or Shift was held.
 */
export interface Tap {
  id: string | null;
  additive?: boolean;
  link?: boolean;
  group?: readonly string[];
}

export interface AppActions {
  /** Replaces the whole topology (example, opened file, new): undoable, marks it saved. */
  load(next: TopologyDocument, pair?: [string, string] | null): CommitResult;
  /**
   * Applies a designer edit (engine/edit) as one undo step; selects what it created and shows
   * its messages. Refused with the engine's errors, nothing changed, when the result is invalid.
   * A gesture that needs several changes sends one `batch` edit: one undo step.
   */
  edit(edit: Edit): EditOutcome;
  /** Starts an empty topology (undoable, like load). */
  newTopology(): void;
  /** Copies the selected nodes with their NICs; false when no node is selected. */
  copy(): boolean;
  /**
   * Pastes the clipboard (into the selected site, if one is selected). `before`: an edit sent in the
   * same batch, first (the positions that keep what is drawn in place): one undo step.
   */
  paste(before?: Edit | null): EditOutcome;
  setTool(tool: Tool): void;
  openDialog(dialog: Dialog | null): void;
  markSaved(): void;
  undo(): void;
  redo(): void;
  /**
   * A click on the diagram (the canvas's gesture machine sends every tap here): the background
   * clears the selection; Ctrl/Shift toggles the element in the selection; a node or NIC in the
   * Select tool picks the pair (pickNode) and selects it; anything else is selected.
   */
  tapElement(tap: Tap): void;
  /**
   * Canvas click on a node: first click sets the source, second the destination, a third starts
   * over. `selectIds` selects what was clicked in the same update (one redraw per click).
   */
  pickNode(id: string, selectIds?: string[]): void;
  setSource(id: string | null): void;
  setDestination(id: string | null): void;
  swap(): void;
  setMode(mode: Mode): void;
  /** Whole seconds from LEGACY_TIMEOUT_RANGE; anything else is refused (false) and nothing changes. */
  setLegacyTimeout(seconds: number): boolean;
  select(ids: string[]): void;
  setPanel(panel: Panel): void;
  toggleFailed(id: string): void;
  restoreAll(): void;
  notify(notice: Notice | null): void;
  /** Opens the maintenance planner on a node. */
  openDrain(nodeId: string): void;
  setDrainDestination(nodeId: string | null): void;
  /**
   * Shows a pair on the diagram while a planner bar is hovered or focused (the pair highlight);
   * null puts back the pair and mode it replaced.
   */
  previewPair(pair: { sourceNodeId: string; destinationNodeId: string; mode: Mode } | null): void;
  setAutosave(status: AutosaveStatus): void;
}

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  document: TopologyDocument;
  pair?: [string, string] | null;
  ui?: Partial<UiState>;
  /** The document as last saved to a file, when it is not `document` (a restored autosave with unsaved changes). */
  savedDocument?: TopologyDocument;
}

/** Documents that replaced the whole topology (load): undoing or redoing them replaces it again. */
const loadedDocuments = new WeakSet<TopologyDocument>();

/**
 * Parses of the last few documents (the current one, and those an undo or redo reaches first),
 * so an edit's own parse and a step back are not repeated. Only a few: a parse per undo step
 * (the history holds 200) took 4.2 MB a step with 64,000 VMs; older steps keep their document
 * alone — it shares every section the edit did not touch — and are parsed again when reached.
 */
const PARSES_KEPT = 4;
const parseCache = new Map<TopologyDocument, { topology: Topology; diagnostics: Diagnostic[] }>();

/** How many parses the store keeps (for tests: never more than a few, whatever the history). */
export const keptParseCount = (): number => parseCache.size;

function cachedParse(doc: TopologyDocument, from?: { topology: Topology; diagnostics: Diagnostic[] }): { ok: true; parsed: { topology: Topology; diagnostics: Diagnostic[] } } | { ok: false; errors: ParseError[] } {
  const hit = parseCache.get(doc);
  if (hit) {
    parseCache.delete(doc);
    parseCache.set(doc, hit);
    return { ok: true, parsed: hit };
  }
  // A step back or forward usually differs from the current document in a few sections: only
  // those are parsed again when nothing else derives from them (VMs, positions… model/reparse.ts).
  const r = from ? reparseTopology(from, doc) : parseTopology(doc);
  if (!r.ok) return { ok: false, errors: r.errors };
  const parsed = { topology: r.topology, diagnostics: r.diagnostics };
  keepParse(doc, parsed);
  return { ok: true, parsed };
}

function keepParse(doc: TopologyDocument, parsed: { topology: Topology; diagnostics: Diagnostic[] }): void {
  parseCache.set(doc, parsed);
  while (parseCache.size > PARSES_KEPT) parseCache.delete(parseCache.keys().next().value!);
}

function parsedOrThrow(doc: TopologyDocument, from?: { topology: Topology; diagnostics: Diagnostic[] }): { topology: Topology; diagnostics: Diagnostic[] } {
  const r = cachedParse(doc, from);
  if (!r.ok) throw new Error(`Invalid initial topology: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.parsed;
}

function effectiveOf(doc: TopologyDocument, design: Topology, failed: string[]): Topology {
  if (failed.length === 0) return design;
  const r = parseTopology(applyFailures(doc, failed));
  return r.ok ? r.topology : design;
}

/**
 * Keeps the UI consistent with a (new) document: drops ids that no longer exist. The selection is
 * checked against `design` when given (on every document change; a store is created with whatever
 * selection it is given).
 */
function reconcileUi(ui: UiState, doc: TopologyDocument, design?: Topology): UiState {
  const nodes = new Set((doc.nodes ?? []).map((n) => n.id));
  const failed = ui.failed.filter((id) => failableKind(doc, id) !== null);
  const source = ui.sourceNodeId !== null && nodes.has(ui.sourceNodeId) ? ui.sourceNodeId : null;
  const destination = ui.destinationNodeId !== null && nodes.has(ui.destinationNodeId) ? ui.destinationNodeId : null;
  const exists = (id: string): boolean => !design || elementKind(design, id) !== null;
  const selected = ui.selectedIds.every(exists) ? ui.selectedIds : ui.selectedIds.filter(exists);
  const same = source === ui.sourceNodeId && destination === ui.destinationNodeId && failed.length === ui.failed.length && selected === ui.selectedIds;
  return same ? ui : { ...ui, sourceNodeId: source, destinationNodeId: destination, failed, selectedIds: selected };
}

export function createAppStore(options: StoreOptions): AppStore {
  const initial = parsedOrThrow(options.document);
  const ui: UiState = {
    sourceNodeId: options.pair?.[0] ?? null,
    destinationNodeId: options.pair?.[1] ?? null,
    mode: readOrigin(options.document)?.mode ?? 'ws2025',
    legacyTimeoutSeconds: DEFAULT_LEGACY_TIMEOUT_SECONDS,
    selectedIds: [],
    failed: [],
    panel: 'path',
    tool: 'select',
    clipboard: null,
    dialog: null,
    drainNodeId: null,
    drainDestination: null,
    preview: null,
    ...options.ui,
  };
  // Steps dropped from the start of the history: Undo says so when it reaches the oldest one kept.
  let dropped = false;
  const trim = (past: TopologyDocument[]): TopologyDocument[] => {
    if (past.length <= HISTORY_LIMIT) return past;
    dropped = true;
    return past.slice(-HISTORY_LIMIT);
  };
  return createStore<AppState>()((set, get) => {
    /** Sets a new document (already known to parse) with its derived state. */
    const apply = (doc: TopologyDocument, parsed: { topology: Topology; diagnostics: Diagnostic[] }, history: Pick<AppState, 'past' | 'future'>, extra: Partial<AppState> = {}): void => {
      const nextUi = reconcileUi(extra.ui ?? get().ui, doc, parsed.topology);
      // A notice describes what happened before: a new document makes it stale (a caller that has
      // something to say sets its own right after). Data offered for download stays until dismissed.
      const notice = get().notice;
      const keep = notice?.download ? {} : { notice: null };
      set({ document: doc, design: parsed.topology, diagnostics: parsed.diagnostics, effective: effectiveOf(doc, parsed.topology, nextUi.failed), ...history, ...keep, ...extra, ui: nextUi });
    };
    const parse = cachedParse;
    const setUi = (patch: Partial<UiState>): void => {
      const s = get();
      const next = { ...s.ui, ...patch };
      const failedChanged = patch.failed !== undefined && patch.failed !== s.ui.failed;
      set(failedChanged ? { ui: next, effective: effectiveOf(s.document, s.design, next.failed) } : { ui: next });
    };

    /** One undo step to a document known to parse. */
    const step = (next: TopologyDocument, parsed: { topology: Topology; diagnostics: Diagnostic[] }): void => {
      const s = get();
      apply(next, parsed, { past: trim([...s.past, s.document]), future: [] });
    };

    const actions: AppActions = {
      load(next, pair) {
        const s = get();
        const r = parse(next);
        if (!r.ok) return r;
        // A design imported from a cluster opens in the behaviour its OS builds imply (origin.mode).
        const mode = readOrigin(next)?.mode ?? s.ui.mode;
        loadedDocuments.add(next);
        const ui = { ...s.ui, failed: [], selectedIds: [], sourceNodeId: pair?.[0] ?? null, destinationNodeId: pair?.[1] ?? null, mode };
        apply(next, r.parsed, { past: trim([...s.past, s.document]), future: [] }, { ui, savedDocument: next, loadSeq: s.loadSeq + 1 });
        return { ok: true };
      },
      edit(edit) {
        const s = get();
        const r = applyEdit(s.document, edit, { topology: s.design, diagnostics: s.diagnostics });
        // Refused: said in the user's words (names, not ids or JSON paths), the one that matters.
        if (!r.ok) return { ok: false, errors: friendlyErrors(s.document, r.errors) };
        if (r.document !== s.document) {
          const parsed = { topology: r.topology, diagnostics: r.diagnostics };
          keepParse(r.document, parsed);
          step(r.document, parsed);
        }
        if (r.created.length > 0) actions.select(r.created);
        // Data offered for download (unreadable autosave) is not pushed aside by an edit's report.
        if (r.messages.length > 0 && !get().notice?.download) actions.notify({ kind: 'info', text: r.messages.join(' ') });
        return { ok: true, messages: r.messages, created: r.created };
      },
      newTopology() {
        actions.load(emptyTopology());
      },
      copy() {
        const s = get();
        const clip = copyNodes(s.document, s.ui.selectedIds);
        if (clip) setUi({ clipboard: clip });
        return clip !== null;
      },
      paste(before) {
        const s = get();
        if (!s.ui.clipboard) return { ok: false, errors: [{ path: '', message: 'There is nothing to paste: copy one or more nodes first.' }] };
        const sel = s.ui.selectedIds;
        const site = sel.length === 1 && s.design.index.sites.has(sel[0]!) ? sel[0]! : undefined;
        const paste: Edit = { type: 'paste', clip: s.ui.clipboard, site };
        return actions.edit(before ? { type: 'batch', edits: [before, paste] } : paste);
      },
      setTool(tool) {
        if (get().ui.tool !== tool) setUi({ tool });
      },
      openDialog(dialog) {
        if (get().ui.dialog !== dialog) setUi({ dialog });
      },
      markSaved() {
        set({ savedDocument: get().document });
      },
      undo() {
        const s = get();
        const prev = s.past[s.past.length - 1];
        if (!prev) {
          if (dropped && s.notice?.kind !== 'error') actions.notify({ kind: 'info', text: `Nothing more to undo: the app keeps the last ${HISTORY_LIMIT} steps, and older ones were let go.` });
          return;
        }
        // Undoing a load replaces the whole topology again: the diagram fits itself to it.
        const replaced = loadedDocuments.has(s.document) ? { loadSeq: s.loadSeq + 1 } : {};
        apply(prev, parsedOrThrow(prev, { topology: s.design, diagnostics: s.diagnostics }), { past: s.past.slice(0, -1), future: [s.document, ...s.future] }, replaced);
      },
      redo() {
        const s = get();
        const next = s.future[0];
        if (!next) return;
        const replaced = loadedDocuments.has(next) ? { loadSeq: s.loadSeq + 1 } : {};
        apply(next, parsedOrThrow(next, { topology: s.design, diagnostics: s.diagnostics }), { past: trim([...s.past, s.document]), future: s.future.slice(1) }, replaced);
      },
      tapElement({ id, additive = false, link = false, group }) {
        const { ui, design } = get();
        if (id === null) return actions.select([]);
        if (additive) return actions.select(ui.selectedIds.includes(id) ? ui.selectedIds.filter((x) => x !== id) : [...ui.selectedIds, id]);
        const ids = group ? [...group] : [id];
        // Only a node (its box or its name) picks the pair; a NIC, network, router or link is
        // selected for Details and the pair is kept (inspect it, fail it, without losing the pair).
        const host = ui.tool === 'select' && !link && !group && design.index.nodes.has(id) ? id : null;
        // One store update per click: selecting and picking the pair redraw once.
        if (host) actions.pickNode(host, ids);
        else if (ids.length > 0) actions.select(ids);
      },
      pickNode(id, selectIds) {
        const { sourceNodeId: src, destinationNodeId: dst, selectedIds } = get().ui;
        const patch: Partial<UiState> = selectIds && !sameIds(selectIds, selectedIds) ? { selectedIds: selectIds } : {};
        if (src === null || dst !== null) Object.assign(patch, { sourceNodeId: id, destinationNodeId: null });
        else if (id !== src) patch.destinationNodeId = id;
        if (Object.keys(patch).length > 0) setUi(patch);
      },
      setSource(id) {
        setUi({ sourceNodeId: id });
      },
      setDestination(id) {
        setUi({ destinationNodeId: id });
      },
      swap() {
        const { sourceNodeId, destinationNodeId } = get().ui;
        setUi({ sourceNodeId: destinationNodeId, destinationNodeId: sourceNodeId });
      },
      setMode(mode) {
        setUi({ mode });
      },
      setLegacyTimeout(seconds) {
        if (!isLegacyTimeout(seconds)) return false;
        if (seconds !== get().ui.legacyTimeoutSeconds) setUi({ legacyTimeoutSeconds: seconds });
        return true;
      },
      select(ids) {
        if (!sameIds(ids, get().ui.selectedIds)) setUi({ selectedIds: ids });
      },
      setPanel(panel) {
        setUi({ panel });
      },
      toggleFailed(id) {
        const s = get();
        if (failableKind(s.document, id) === null) return;
        const failed = s.ui.failed.includes(id) ? s.ui.failed.filter((x) => x !== id) : [...s.ui.failed, id];
        setUi({ failed });
      },
      restoreAll() {
        if (get().ui.failed.length) setUi({ failed: [] });
      },
      notify(notice) {
        set({ notice });
      },
      openDrain(nodeId) {
        const { drainNodeId, drainDestination } = get().ui;
        setUi({ drainNodeId: nodeId, drainDestination: drainNodeId === nodeId ? drainDestination : null, panel: 'maintenance' });
      },
      setDrainDestination(nodeId) {
        setUi({ drainDestination: nodeId });
      },
      previewPair(pair) {
        const { ui } = get();
        if (pair === null) {
          if (ui.preview) setUi({ ...ui.preview, preview: null });
          return;
        }
        const preview = ui.preview ?? { sourceNodeId: ui.sourceNodeId, destinationNodeId: ui.destinationNodeId, mode: ui.mode };
        setUi({ sourceNodeId: pair.sourceNodeId, destinationNodeId: pair.destinationNodeId, mode: pair.mode, preview });
      },
      setAutosave(status) {
        set({ autosave: status });
      },
    };

    return {
      document: options.document,
      design: initial.topology,
      diagnostics: initial.diagnostics,
      effective: effectiveOf(options.document, initial.topology, ui.failed),
      past: [],
      future: [],
      savedDocument: options.savedDocument ?? options.document,
      loadSeq: 0,
      ui: reconcileUi(ui, options.document),
      notice: null,
      autosave: { kind: 'on' },
      actions,
    };
  });
}
