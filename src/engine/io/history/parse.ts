/**
 * Reading lm-history.json (what Get-LmHistory.ps1 writes) beside a design. Tolerant like the
 * inventory and the path test — UTF-8 with or without a byte-order mark, UTF-16, Windows PowerShell
 * 5.1's and PowerShell 7's JSON shapes (a date as `\/Date(ms)\/` or wrapped with its DisplayHint, a
 * list wrapped with its Count, remoting fields), kinds as names or numbers, property names in any
 * case, and events as Get-WinEvent gives them without the script (Id, MachineName, Message) — and
 * strict about what matters: a file made on another cluster is refused, never merged. Never throws.
 */
import { readOrigin } from '../../model/origin';
import type { ParseError, Topology } from '../../model/types';
import { decodeInventory, parseJson } from '../inventory/decode';
import { readEnum, type EnumTable } from '../inventory/enums';
import { field, firstField, isObj, items, listSome, num, show, text } from '../inventory/json';
import { shortName } from '../verify/names';
import { HISTORY_FILE, HISTORY_FORMAT, HISTORY_SCRIPT_FILE, HISTORY_VERSION } from './script';
import type { HistoryEvent, HistoryEventKind, HistoryRecord } from './types';

/**
 * Kept with the design in `observations`, whose values (the path test's and this history's) count
 * against one budget of 150,000 (LIMITS.observationValues: every edit parses them again). An event
 * kept is 6–8 values (its entry, kind, node, time, VM, nodes or blackout; a failure's host, code,
 * message and id), so 4,000 events hold at most ≈ 32,000 — beside the largest path test (12,000
 * connections, ≈ 96,000).
 */
export const MAX_HISTORY_EVENTS = 4_000;
/** Entries read from the file at most (an event logged on several nodes is read once per node). */
const MAX_FILE_EVENTS = 100_000;
/** The file itself carries each message (up to 1,000 characters) and the event's properties. */
export const MAX_HISTORY_BYTES = 32 * 1024 * 1024;
const MAX_NOTES = 1_000;
const MAX_TEXT = 300;

export const EVENT_KIND: EnumTable<HistoryEventKind> = {
  what: 'event kind',
  values: [
    ['RoleMoving', 0, 'role-moving'],
    ['Completed', 1, 'completed'],
    ['LongBlackout', 2, 'long-blackout'],
    ['ConnectionFailed', 3, 'connection-failed'],
  ],
};

/** The event ids the script reads, for files without a Kind (Get-WinEvent's own objects). */
const BY_ID: Record<number, HistoryEventKind> = { 1641: 'role-moving', 20415: 'completed', 20417: 'long-blackout', 21502: 'connection-failed' };

export type HistoryRead = { ok: true; record: HistoryRecord; notes: string[] } | { ok: false; errors: ParseError[] };

const failure = (message: string, path = ''): HistoryRead => ({ ok: false, errors: [{ path, message }] });
const clip = (s: string | undefined, max = MAX_TEXT): string | undefined => (s === undefined ? undefined : s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A time as PowerShell may write it: ISO 8601, `\/Date(ms)\/`, 5.1's `{ value, DisplayHint, DateTime }`, or milliseconds. UTC ISO, or undefined. */
export function readTime(v: unknown): string | undefined {
  if (isObj(v)) return readTime(field(v, 'value', '').value ?? field(v, 'DateTime', '').value);
  let ms: number | undefined;
  if (typeof v === 'number' && Number.isFinite(v)) ms = v;
  const s = text(v);
  if (ms === undefined && s !== undefined) {
    const wcf = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(s);
    if (wcf) ms = Number(wcf[1]);
    else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) ms = Date.parse(s);
  }
  if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return new Date(ms).toISOString();
}

const QUOTED = String.raw`['"\u2018\u2019\u201c\u201d]`;
const ROLE_MOVING = new RegExp(String.raw`role ${QUOTED}(.+?)${QUOTED} is moving from cluster node ${QUOTED}(.+?)${QUOTED} to cluster node ${QUOTED}(.+?)${QUOTED}`, 'i');
const COMPLETED = new RegExp(String.raw`live migration of virtual machine ${QUOTED}(.+?)${QUOTED} with (?:a |(an unexpectedly long ))?blackout time of ([0-9]+(?:[.,][0-9]+)?) seconds`, 'i');
const CODE = /0x8007274([CD])/i;
const HOST = new RegExp(String.raw`with host ${QUOTED}(.+?)${QUOTED}`, 'i');
const FAILED_VM = new RegExp(String.raw`(?:Live migration of|migration operation for) ${QUOTED}(?:Virtual Machine )?(.+?)${QUOTED}`, 'i');

const seconds = (s: string | undefined): number | undefined => {
  const n = s === undefined ? undefined : num(s.replace(',', '.'));
  return n !== undefined && n >= 0 ? n : undefined;
};

function readEvent(value: unknown, path: string, problems: string[]): HistoryEvent | null {
  if (!isObj(value)) {
    problems.push(`${path} is ${show(value)}, not an event.`);
    return null;
  }
  const id = num(firstField(value, ['Id', 'EventId', 'EventID'], path).value);
  const message = text(field(value, 'Message', path).value);
  const props = items(field(value, 'Properties', path)).map((p) => text(isObj(p.value) ? field(p.value, 'Value', '').value : p.value));
  const kindField = firstField(value, ['Kind', 'Type'], path);
  const kindRead = readEnum(EVENT_KIND, kindField);
  let kind: HistoryEventKind | undefined = kindRead.kind === 'ok' ? kindRead.value : id !== undefined ? BY_ID[id] : undefined;
  if (kind === undefined && message && CODE.test(message)) kind = 'connection-failed';
  const node = text(firstField(value, ['Node', 'MachineName', 'PSComputerName', 'Computer'], path).value);
  const time = readTime(firstField(value, ['TimeCreated', 'Time'], path).value);
  const missing = [!node && 'Node', !time && 'TimeCreated'].filter(Boolean);
  if (kindRead.kind === 'invalid') {
    problems.push(`${path}: Kind ${show(kindField.value)} ${kindRead.message}.`);
    return null;
  }
  if (kind === undefined || missing.length > 0) {
    problems.push(kind === undefined ? `${path}: event ${id ?? show(id)} is not one this import reads.` : `${path} has no ${missing.join(', ')}.`);
    return null;
  }
  const e: HistoryEvent = { kind, node: clip(node)!, time: time! };
  if (kind === 'role-moving') {
    const m = message ? ROLE_MOVING.exec(message) : null;
    const [vm, from, to] = m ? [m[1], m[2], m[3]] : [props[0], props[1], props[2]];
    if (!vm || !from || !to) {
      problems.push(`${path}: a role move without the role and its two nodes (${clip(message ?? 'no message', 80)}).`);
      return null;
    }
    Object.assign(e, { vm: clip(vm), from: clip(from), to: clip(to) });
  } else if (kind === 'completed' || kind === 'long-blackout') {
    const m = message ? COMPLETED.exec(message) : null;
    const vm = m ? m[1] : props[0];
    const blackout = seconds(m ? m[3] : props[2]);
    if (!vm) {
      problems.push(`${path}: a completed live migration without its VM (${clip(message ?? 'no message', 80)}).`);
      return null;
    }
    e.vm = clip(vm);
    if (blackout !== undefined) e.blackoutSeconds = blackout;
    if (m?.[2]) e.kind = 'long-blackout';
  } else {
    const code = message ? CODE.exec(message) : null;
    if (!code) {
      problems.push(`${path}: a failed migration without 0x8007274C or 0x8007274D (${clip(message ?? 'no message', 80)}).`);
      return null;
    }
    e.code = `0x8007274${code[1]!.toUpperCase()}`;
    const host = HOST.exec(message!)?.[1];
    if (host) e.host = clip(host);
    const vm = FAILED_VM.exec(message!)?.[1];
    if (vm) e.vm = clip(vm);
    e.message = clip(message);
    // The id tells which log said it (21502, or the VMMS log's error); the other kinds' ids are their kind.
    if (id !== undefined && Number.isInteger(id)) e.eventId = id;
  }
  return e;
}

function wrongFile(root: unknown): string | null {
  const format = text(field(root, 'format', '').value);
  if (format === HISTORY_FORMAT) return null;
  if (format === 'lm-cluster-inventory') return 'This is a cluster inventory, not a migration history: import it in step 2 ("Import the file it wrote").';
  if (format === 'lm-path-test') return 'This is a path test result, not a migration history: import it in step 3.';
  if (format === 'lm-topology') return 'This is a topology file, not a migration history: open it with Open.';
  return `This is not a migration history (its "format" is ${show(field(root, 'format', '').value)}, expected "${HISTORY_FORMAT}"). Import the ${HISTORY_FILE} that ${HISTORY_SCRIPT_FILE} wrote.`;
}

/** Two events of one migration logged on two nodes, or read twice: the same kind, VM, nodes and time within 5 s. */
function dedupe(events: HistoryEvent[]): HistoryEvent[] {
  const sorted = [...events].sort((a, b) => a.time.localeCompare(b.time));
  const out: HistoryEvent[] = [];
  const last = new Map<string, number>();
  for (const e of sorted) {
    const key = [e.kind, e.vm ?? '', shortName(e.from ?? ''), shortName(e.to ?? ''), e.kind === 'connection-failed' ? shortName(e.node) : ''].join('|').toLowerCase();
    const t = Date.parse(e.time);
    const prev = last.get(key);
    if (prev !== undefined && t - prev <= 5000) continue;
    last.set(key, t);
    out.push(e);
  }
  return out;
}

/**
 * Reads a migration history for the design `t`. Refused: not a history, a newer version, too
 * large, a file from another cluster (its cluster name differs from the imported design's, or not
 * one node it names is a node of the design).
 */
export function parseHistory(input: string | Uint8Array, t: Topology, fileName?: string): HistoryRead {
  try {
    const size = input.length;
    if (size > MAX_HISTORY_BYTES) return failure(`The file is too large to be a migration history (${Math.round(size / 1048576)} MB; at most ${MAX_HISTORY_BYTES / 1048576} MB). Run ${HISTORY_SCRIPT_FILE} with fewer -Days.`);
    if (size === 0) return failure(`The file is empty. Run ${HISTORY_SCRIPT_FILE} again and import the ${HISTORY_FILE} it writes.`);
    const decoded = decodeInventory(input);
    if (!decoded.ok) return { ok: false, errors: [decoded.error] };
    const json = parseJson(decoded.text);
    if (!json.ok) return failure(json.error.message.replace('lm-inventory.json', HISTORY_FILE).replace('the inventory script', HISTORY_SCRIPT_FILE));
    const root = json.value;
    if (!isObj(root)) return failure(`The file holds ${show(root)}, not a migration history. Import the ${HISTORY_FILE} that ${HISTORY_SCRIPT_FILE} wrote.`);
    const wrong = wrongFile(root);
    if (wrong) return failure(wrong, 'format');
    const version = num(field(root, 'version', '').value);
    if (version !== HISTORY_VERSION)
      return failure(
        version !== undefined && version > HISTORY_VERSION
          ? `This migration history is version ${version}; this app reads version ${HISTORY_VERSION}. Update the app, or run the ${HISTORY_SCRIPT_FILE} this app offers.`
          : `The migration history has no valid "version" (${show(field(root, 'version', '').value)}); expected ${HISTORY_VERSION}.`,
        'version',
      );
    const raw = items(field(root, 'events', ''));
    const tooMany = (n: number): HistoryRead =>
      failure(`The file holds ${n} events; at most ${MAX_HISTORY_EVENTS} are kept with a design. Run ${HISTORY_SCRIPT_FILE} with fewer -Days (or -Nodes for some nodes).`, 'events');
    if (raw.length > MAX_FILE_EVENTS) return tooMany(raw.length);
    const problems: string[] = [];
    const read: HistoryEvent[] = [];
    for (const r of raw) {
      const e = readEvent(r.value, r.path, problems);
      if (e) read.push(e);
    }
    const events = dedupe(read);
    if (events.length > MAX_HISTORY_EVENTS) return tooMany(events.length);

    const cluster = clip(text(field(root, 'cluster', '').value));
    const designCluster = readOrigin(t.document)?.cluster;
    if (cluster && designCluster && shortName(cluster) !== shortName(designCluster))
      return failure(`This history was read on cluster '${cluster}'; the design on screen is cluster '${designCluster}'. Nothing was imported: run ${HISTORY_SCRIPT_FILE} on this design's cluster.`, 'cluster');
    const designNodes = new Set(t.nodes.map((n) => shortName(n.name)));
    const listed = items(field(root, 'nodes', '')).map((n) => text(n.value)).filter((n): n is string => n !== undefined);
    const fileNodes = [...new Set([...listed, ...events.flatMap((e) => [e.node, e.from, e.to].filter((n): n is string => n !== undefined))])];
    if (fileNodes.length > 0 && !fileNodes.some((n) => designNodes.has(shortName(n))))
      return failure(
        `None of the nodes in this history (${listSome(fileNodes, 5)}) is a node of the design on screen (${listSome(t.nodes.map((n) => n.name), 5)}): it was read on another cluster. Nothing was imported.`,
        'events',
      );

    const fileNotes = items(field(root, 'notes', ''))
      .map((n) => clip(text(n.value), 500))
      .filter((n): n is string => n !== undefined);
    const record: HistoryRecord = { format: HISTORY_FORMAT, version: HISTORY_VERSION, events, notes: [...fileNotes, ...problems].slice(0, MAX_NOTES) };
    if (cluster) record.cluster = cluster;
    const collectedAt = readTime(field(root, 'collectedAt', '').value) ?? clip(text(field(root, 'collectedAt', '').value));
    if (collectedAt) record.collectedAt = collectedAt;
    const collectedOn = clip(text(field(root, 'collectedOn', '').value));
    if (collectedOn) record.collectedOn = collectedOn;
    const days = num(field(root, 'days', '').value);
    if (days !== undefined && days > 0) record.days = days;
    if (fileName) record.fileName = clip(fileName)!;

    const notes: string[] = [];
    if (problems.length > 0) notes.push(`${problems.length} entr${problems.length === 1 ? 'y' : 'ies'} of the file could not be read (listed with the file's notes).`);
    const twice = read.length - events.length;
    if (twice > 0) notes.push(`${twice} event${twice === 1 ? ' logged twice (on two nodes, or read twice) was' : 's logged twice (on two nodes, or read twice) were'} counted once.`);
    const has = (k: HistoryEventKind): boolean => events.some((e) => e.kind === k);
    if (!has('role-moving')) notes.push('No "role moving" event (Failover Clustering 1641): migrations have no start, so no duration.');
    if (!has('completed') && !has('long-blackout')) notes.push('No "completed the live migration" event (Hyper-V VMMS 20415 / 20417): migrations have no end and no blackout time.');
    return { ok: true, record, notes };
  } catch (e) {
    return failure(`The migration history could not be imported (${e instanceof Error ? e.message : String(e)}).`);
  }
}
