/**
 * Derived state: every value computed from the store's state that the screen, the exports or the
 * report read, with ONE home per store instance. It is the only caller, outside the engine and the
 * workers, of `selectMigrationPath`, `streamsOf`, `analyzeAllPairs` and `runChecks`
 * (lint-enforced in eslint.config.js), so the canvas, the panels and the files read the very same
 * objects, each computed once.
 *
 * The home of a store is keyed by its `actions` object, which a store creates once and keeps for
 * its life: two stores (two tests, two app instances) never share or evict each other's values.
 * Within a home, values are memoised on the parsed topology they come from (a new what-if failure
 * is a new topology; one no longer referenced takes its entries with it) and the view state
 * (pair, mode, timeout).
 */
import {
  analyzeAllPairs, runChecks, selectMigrationPath, streamsOf,
  type AllPairsResult, type Diagnostic, type Mode, type Selection, type Stream, type Topology,
} from '../engine';
import { pathTestOf } from '../engine';
import type { AppState } from './appStore';

export interface PairSelections {
  ws2025: Selection;
  legacy: Selection;
}

/** A few pairs, modes and timeouts per topology. */
const PER_TOPOLOGY = 64;

interface Home {
  selections: WeakMap<Topology, Map<string, Selection>>;
  pair: PairSelections | null;
  allPairs: WeakMap<Topology, Map<number, AllPairsResult>>;
  checks: WeakMap<Topology, Diagnostic[]>;
  /** The topology the all-pairs and the checks were last computed for. */
  last: WeakRef<Topology> | null;
  /** The design the whole-design analyses (N-1) were last asked for. */
  analysed: WeakRef<Topology> | null;
  /** The latest state whose checks a reader is waiting for (`checksSoon`), and whether a task is due to compute them. */
  wanted: AppState | null;
  due: boolean;
  /** Who hears that waited-for checks are ready (`subscribeChecks`). */
  listeners: Set<() => void>;
}

/** The parts of a topology every path, the all-pairs and the checks come from. */
const ANALYSED = ['sites', 'nodes', 'nics', 'networks', 'routers', 'liveMigration', 'planning', 'addresses', 'subnets', 'eligibility', 'preferenceOrder', 'clusterNetworkId'] as const;
/** Document fields no path, all-pairs result or check reads. */
const NOT_ANALYSED = new Set(['vms', 'layout', 'name', 'description']);

/**
 * Two topologies with the same analysed parts (an edit of VMs, positions or the name shares them:
 * engine/model/reparse.ts) have the same all-pairs result and checks: the largest design's took 1 s
 * after each VM edit. Kept fields (`origin`, a path test) count: some checks read them.
 */
function sameAnalysis(a: Topology, b: Topology): boolean {
  if (ANALYSED.some((k) => a[k] !== b[k])) return false;
  const da = a.document as unknown as Record<string, unknown>;
  const db = b.document as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(da), ...Object.keys(db)])) if (!NOT_ANALYSED.has(k) && da[k] !== db[k]) return false;
  return true;
}

/** Sections whose elements a rename changes in their `name` alone (engine/model/reparse.ts). */
const NAMED = new Set<string>(['sites', 'nodes', 'nics', 'networks', 'routers']);

/** Two lists of the same elements but for their names: every other field the same value, by identity, as a rename leaves it. */
function namesAside(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) if (k !== 'name' && (!Object.hasOwn(y, k) || x[k] !== y[k])) return false;
  }
  return true;
}

const sameOrder = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((id, i) => id === b[i]));

/**
 * Two topologies with the same paths: the same analysed parts but for the names of their sites,
 * nodes, NICs, networks and routers (a rename: engine/model/reparse.ts) and the same preference
 * order (names break its ties). An all-pairs result holds ids and numbers only, so it is the
 * same; the checks are not (their words name elements): a node renamed on the largest design
 * computed all pairs again, ≈ 90 ms of its ≈ 160 ms in the store.
 */
function samePaths(a: Topology, b: Topology): boolean {
  for (const k of ANALYSED) {
    if (a[k] === b[k]) continue;
    if (NAMED.has(k) ? !namesAside(a[k], b[k]) : k !== 'preferenceOrder' || !sameOrder(a.preferenceOrder, b.preferenceOrder)) return false;
  }
  const da = a.document as unknown as Record<string, unknown>;
  const db = b.document as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(da), ...Object.keys(db)])) {
    if (NOT_ANALYSED.has(k) || da[k] === db[k]) continue;
    if (!NAMED.has(k) || !namesAside(da[k], db[k])) return false;
  }
  return true;
}

/**
 * Gives `t` the last analysed topology's all-pairs results when it has the same paths, and its
 * checks when it shares every analysed part (names included).
 */
function carry(home: Home, t: Topology): void {
  const last = home.last?.deref();
  if (!last || last === t || home.allPairs.has(t)) return;
  const same = sameAnalysis(last, t);
  if (!same && !samePaths(last, t)) return;
  const all = home.allPairs.get(last);
  if (all) home.allPairs.set(t, all);
  const found = home.checks.get(last);
  if (same && found && !home.checks.has(t)) home.checks.set(t, found);
}

const homes = new WeakMap<object, Home>();

function homeOf(s: Pick<AppState, 'actions'>): Home {
  let h = homes.get(s.actions);
  if (!h) homes.set(s.actions, (h = { selections: new WeakMap(), pair: null, allPairs: new WeakMap(), checks: new WeakMap(), last: null, analysed: null, wanted: null, due: false, listeners: new Set() }));
  return h;
}

/** The selection of one pair in one mode on the state's effective topology, memoised per topology, pair, mode and timeout. */
export function selectionFor(s: AppState, source: string, destination: string, mode: Mode, timeout: number = s.ui.legacyTimeoutSeconds): Selection {
  const home = homeOf(s);
  const t = s.effective;
  let byKey = home.selections.get(t);
  if (!byKey) home.selections.set(t, (byKey = new Map()));
  const key = `${mode}\u0000${timeout}\u0000${source}\u0000${destination}`;
  let sel = byKey.get(key);
  if (!sel) {
    if (byKey.size >= PER_TOPOLOGY) byKey.clear();
    byKey.set(key, (sel = selectMigrationPath(t, source, destination, { mode, legacyTimeoutSeconds: timeout })));
  }
  return sel;
}

/** The selection in the mode the user is looking at, or null while the pair is incomplete. */
export function activeSelection(s: AppState): Selection | null {
  const { sourceNodeId: src, destinationNodeId: dst, mode } = s.ui;
  return src && dst ? selectionFor(s, src, dst, mode) : null;
}

/** The selection in both modes (the comparison), or null while the pair is incomplete. Same object while neither changes. */
export function pairSelections(s: AppState): PairSelections | null {
  const { sourceNodeId: src, destinationNodeId: dst } = s.ui;
  if (!src || !dst) return null;
  const home = homeOf(s);
  const ws2025 = selectionFor(s, src, dst, 'ws2025');
  const legacy = selectionFor(s, src, dst, 'legacy');
  if (home.pair?.ws2025 !== ws2025 || home.pair.legacy !== legacy) home.pair = { ws2025, legacy };
  return home.pair;
}

const streamCache = new WeakMap<Selection, Stream[]>();
/**
 * The streams of a selection on the topology it was made on (the highlight, the path panel's
 * lines). A selection is immutable and belongs to one topology, so this memo is keyed on it alone.
 */
export function streamsOfSelection(t: Topology, selection: Selection): Stream[] {
  let r = streamCache.get(selection);
  if (!r) streamCache.set(selection, (r = streamsOf(t, selection)));
  return r;
}

function allPairsIn(home: Home, topology: Topology, timeout: number): AllPairsResult {
  carry(home, topology);
  let byTimeout = home.allPairs.get(topology);
  if (!byTimeout) home.allPairs.set(topology, (byTimeout = new Map()));
  let r = byTimeout.get(timeout);
  if (!r) byTimeout.set(timeout, (r = analyzeAllPairs(topology, { legacyTimeoutSeconds: timeout })));
  home.last = new WeakRef(topology);
  return r;
}

/** Every pair of the effective topology (with the what-if failures), once per topology and timeout: the matrix and the report share it. */
export function allPairs(s: AppState): AllPairsResult {
  return allPairsIn(homeOf(s), s.effective, s.ui.legacyTimeoutSeconds);
}

/**
 * The cluster checks of the design (without the what-if failures), once per design: the tab badge,
 * the panel and the report share them, on the all-pairs result of the design. The checks read the
 * choices and whether a path exists, which the legacy timeout does not change.
 */
export function checks(s: AppState): Diagnostic[] {
  const home = homeOf(s);
  carry(home, s.design);
  let c = home.checks.get(s.design);
  // The path test's mismatches (issue 23) are findings of the design too.
  if (!c) home.checks.set(s.design, (c = [...runChecks(s.design, allPairsIn(home, s.design, s.ui.legacyTimeoutSeconds)), ...(pathTestOf(s.design)?.comparison.findings ?? [])]));
  return c;
}

/**
 * The design (without the what-if failures) for the N-1 analysis, which reads the paths and the
 * names: the same object while neither changes (a VM edit, a move on the diagram, the design's
 * name — they share those parts), so the analysis is not sent to its worker again and its list is
 * not drawn again. On the largest design each VM edit with the All pairs tab open re-ran it
 * (a full parse and every element failed in turn, in a worker on the same 2 cores) and re-rendered
 * the list (issue 24, round 4).
 */
export function resilienceDesign(s: AppState): Topology {
  const home = homeOf(s);
  const last = home.analysed?.deref();
  if (last && (last === s.design || sameAnalysis(last, s.design))) return last;
  home.analysed = new WeakRef(s.design);
  return s.design;
}

/**
 * A later task: an idle period of the page (after the drawing's steps), at most a second away;
 * `setTimeout` where there are no idle callbacks (Node, jsdom).
 */
const later: (f: () => void) => void =
  typeof requestIdleCallback === 'function' ? (f) => void requestIdleCallback(f, { timeout: 1000 }) : (f) => void setTimeout(f, 0);

/**
 * The design's checks if they are known (computed, or carried from the previous design), else
 * null — and then they are computed in a later task, for the state the latest reader asked
 * about, and `subscribeChecks`' listeners hear it. For readers that can wait (the tab badge): a
 * load or an edit does not run all pairs and the checks in its own task, which on the largest
 * design was 0.15–0.5 s of the open's first task (issue 24). A reader that cannot wait calls
 * `checks` and gets them at once (the same objects).
 */
export function checksSoon(s: AppState): Diagnostic[] | null {
  const home = homeOf(s);
  carry(home, s.design);
  const known = home.checks.get(s.design);
  if (known) return known;
  home.wanted = s;
  if (!home.due) {
    home.due = true;
    later(function step() {
      const wanted = home.wanted;
      if (!wanted) return void (home.due = false);
      // All pairs first, in a task of its own when they are not known: the two together were
      // 0.4–0.45 s of one task on the largest design at load 9, each about half.
      if (!home.checks.has(wanted.design) && !home.allPairs.get(wanted.design)?.has(wanted.ui.legacyTimeoutSeconds)) {
        allPairsIn(home, wanted.design, wanted.ui.legacyTimeoutSeconds);
        return later(step);
      }
      home.due = false;
      home.wanted = null;
      checks(wanted);
      for (const listener of [...home.listeners]) listener();
    });
  }
  return null;
}

/** Calls `listener` when checks a reader waited for (`checksSoon`) are ready; returns the unsubscribe. */
export function subscribeChecks(s: Pick<AppState, 'actions'>, listener: () => void): () => void {
  const { listeners } = homeOf(s);
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
