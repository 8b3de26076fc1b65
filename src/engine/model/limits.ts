/**
 * What the app is for, checked before anything else is read: a file beyond these limits is
 * refused with a message, never loaded (a 5,000-node file froze the tab, and autosave then froze
 * every later start). Windows Server clusters have at most 64 nodes; the limits leave room for
 * design exploration. Text that would break a diagram, an export or how a name reads (control
 * characters, lone surrogates, text-direction overrides, very long names) is refused too, so that
 * every export succeeds for every document the parser accepts.
 */
import { isRecord, type Problems } from './shape';

export const LIMITS = {
  nodes: 128,
  nicsPerNode: 32,
  /**
   * NICs of a design (issue 24, round 3): 64 nodes × 16, or 128 × 8. A Windows Server cluster has
   * at most 64 nodes and a real host a handful of physical NICs and a few host vNICs; 128 × 32
   * (4,096) was accepted and no cluster goes there. 32 on one node stays (a small cluster may have
   * many).
   */
  nics: 1_024,
  sites: 64,
  networks: 256,
  routers: 128,
  /** Addresses of one NIC, interfaces of one router, prefixes of one network, routes of one NIC. */
  listEntries: 64,
  /** (1.1) VMs of a design: Windows Server's 8,000 per cluster, with room to explore. */
  vms: 10_000,
  /** VMs on one node: Windows Server's 1,024 running VMs per host, doubled. */
  vmsPerNode: 2_048,
  layoutEntries: 10_000,
  /**
   * Values (objects, lists, texts, numbers…) inside the top-level fields this app does not
   * define (`origin` included): kept on save, so copied on every edit. 450,000 made every edit
   * take 1.7 s; an inventory's `origin` of a 128-node cluster has a few thousand.
   */
  unknownFieldValues: 50_000,
  /**
   * Values inside `observations` (what the path test and the migration history keep with a
   * design), counted apart from the other fields this app does not define: the largest path test
   * the reader accepts (12,000 connections × 8 values) and the largest history (4,000 events × up
   * to 8) fit together, with room for their notes. Parsing a design that keeps both costs a few
   * milliseconds more per edit (counting values); before, the two shared the 50,000 above and a
   * 16-node path test with SMB (≈ 7,700 connections) could not be kept at all.
   */
  observationValues: 150_000,
  /** Pixels from the origin of a saved position (a diagram of 128 nodes spans a few thousand). */
  coordinate: 1_000_000,
  /** Characters of an id or a name. */
  nameChars: 200,
  descriptionChars: 10_000,
  /** Nesting of a top-level field this app does not know (kept on save). */
  unknownFieldDepth: 32,
} as const;

const SECTIONS = [
  ['sites', 'Site', LIMITS.sites],
  ['nodes', 'Node', LIMITS.nodes],
  ['nics', 'NIC', LIMITS.nics],
  ['networks', 'Network', LIMITS.networks],
  ['routers', 'Router', LIMITS.routers],
  ['vms', 'VM', LIMITS.vms],
] as const;

/** Fields of the format (1.0 and 1.1): everything else at the top level is kept as is, within a depth. */
const KNOWN_TOP_LEVEL = new Set(['format', 'version', 'name', 'description', 'sites', 'nodes', 'nics', 'networks', 'routers', 'liveMigration', 'layout', 'vms', 'planning']);

const PLURAL = { Site: 'sites', Node: 'nodes', NIC: 'NICs', Network: 'networks', Router: 'routers', VM: 'VMs' } as const;
const WINDOWS_MAX: Partial<Record<string, string>> = {
  nodes: ' (a Windows Server cluster has at most 64 nodes)',
  vms: ' (a Windows Server cluster has at most 8,000 VMs)',
  nics: ' (64 nodes with 16 NICs each, or 128 with 8; a Windows Server cluster has at most 64 nodes)',
};

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Not characters at all (Unicode's noncharacters, U+FDD0–U+FDEF and the last two code points of
 * every plane): U+FFFE and U+FFFF are not allowed in XML (an SVG holding one is ill-formed); the
 * others are reserved for a program's internal use — the diagram uses U+FDD0 in its own ids.
 */
const NOT_TEXT = /\p{Noncharacter_Code_Point}/u;

/** Why a piece of text is refused (completing "…'s name "), or null. */
export function textProblem(text: string, { max, multiline = false }: { max: number; multiline?: boolean }): string | null {
  if (text.length > max) return `is ${text.length.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are accepted.`;
  const control = (multiline ? CONTROL_EXCEPT_LINES : CONTROL).exec(text);
  if (control) return `contains an invisible control character (${hex(control[0].charCodeAt(0))}) at position ${control.index + 1}; remove it (it would break the exported SVG and reports).`;
  const bidi = BIDI.exec(text);
  if (bidi)
    return `contains an invisible text-direction character (${hex(bidi[0].charCodeAt(0))}) at position ${bidi.index + 1}, which can make text read backwards (a file 'gnp.exe' shown as 'exe.png'); remove it.`;
  const notText = NOT_TEXT.exec(text);
  if (notText) return `contains ${hex(notText[0].codePointAt(0)!)}, which is not a character, at position ${notText.index + 1}; remove it.`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `contains a broken character (an unpaired ${hex(lone[0].charCodeAt(0))}) at position ${lone.index + 1}; retype that part.`;
  return null;
}

/** The nesting depth of a JSON value, counted without recursion, stopping above `stopAbove`. */
export function jsonDepth(value: unknown, stopAbove: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > stopAbove) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth]);
  }
  return max;
}

/**
 * Adds a problem for everything beyond the limits. Run before the structure checks: counts are
 * read from the raw lists, so that a huge file costs a few lookups, not a parse.
 */
export function checkLimits(input: Record<string, unknown>, p: Problems): void {
  for (const [section, kind, max] of SECTIONS) {
    const list = input[section];
    if (Array.isArray(list) && list.length > max)
      p.add(section, `The topology has ${list.length.toLocaleString('en-US')} ${PLURAL[kind]}; this app opens at most ${max.toLocaleString('en-US')}${WINDOWS_MAX[section] ?? ''}.`);
  }
  if (p.errors.length > 0) return;
  checkPerNode(input, 'nics', p);
  checkPerNode(input, 'vms', p);
  checkTopText(input, p);
  for (const [section] of SECTIONS) checkSectionText(input, section, p);
  checkLayoutLimits(input, p);
  checkUnknownFields(input, p);
}

type LimitedSection = (typeof SECTIONS)[number][0];

/**
 * The limits of one section alone (its count, its elements per node, its texts and lists): what
 * an edit of that section alone must meet again (model/reparse.ts).
 */
export function checkSectionLimits(input: Record<string, unknown>, section: LimitedSection, p: Problems): void {
  const [, kind, max] = SECTIONS.find(([s]) => s === section)!;
  const list = input[section];
  if (Array.isArray(list) && list.length > max)
    p.add(section, `The topology has ${list.length.toLocaleString('en-US')} ${PLURAL[kind]}; this app opens at most ${max.toLocaleString('en-US')}${WINDOWS_MAX[section] ?? ''}.`);
  if (section === 'nics' || section === 'vms') checkPerNode(input, section, p);
  checkSectionText(input, section, p);
}

function checkPerNode(input: Record<string, unknown>, section: 'nics' | 'vms', p: Problems): void {
  const [kind, max, why] = section === 'nics' ? ['NICs', LIMITS.nicsPerNode, ''] : ['VMs', LIMITS.vmsPerNode, ' (a Windows Server host runs at most 1,024)'];
  const counts = new Map<string, number>();
  const list = input[section];
  if (Array.isArray(list)) for (const el of list) if (isRecord(el) && typeof el.node === 'string') counts.set(el.node, (counts.get(el.node) ?? 0) + 1);
  for (const [node, count] of counts)
    if (count > max) p.add(section, `Node '${node.slice(0, LIMITS.nameChars)}' has ${count.toLocaleString('en-US')} ${kind}; this app opens at most ${max.toLocaleString('en-US')} per node${why}.`);
}

function text(value: unknown, path: string, what: string, max: number, p: Problems, multiline = false): void {
  if (typeof value !== 'string') return;
  const problem = textProblem(value, { max, multiline });
  if (problem) p.add(path, `${what} ${problem}`);
}

/** The topology's own name and description. */
export function checkTopText(input: Record<string, unknown>, p: Problems): void {
  text(input.name, 'name', "The topology's name", LIMITS.nameChars, p);
  text(input.description, 'description', "The topology's description", LIMITS.descriptionChars, p, true);
}

function checkSectionText(input: Record<string, unknown>, section: LimitedSection, p: Problems): void {
  const [, kind] = SECTIONS.find(([s]) => s === section)!;
  const list = input[section];
  if (!Array.isArray(list)) return;
  list.forEach((el, i) => {
    if (!isRecord(el)) return;
    const idOk = typeof el.id !== 'string' || textProblem(el.id, { max: LIMITS.nameChars }) === null;
    const who = idOk && typeof el.id === 'string' ? `${kind} '${el.id}'` : `${kind} #${i + 1}`;
    text(el.id, `${section}[${i}].id`, `The id of ${kind} #${i + 1}`, LIMITS.nameChars, p);
    text(el.name, `${section}[${i}].name`, `The name of ${who}`, LIMITS.nameChars, p);
    for (const key of ['addresses', 'interfaces', 'prefixes', 'routes'])
      if (Array.isArray(el[key]) && (el[key] as unknown[]).length > LIMITS.listEntries)
        p.add(`${section}[${i}].${key}`, `${who} has ${(el[key] as unknown[]).length} ${key}; at most ${LIMITS.listEntries} are accepted.`);
  });
}

/** The saved positions: how many, their ids, how far out. */
export function checkLayoutLimits(input: Record<string, unknown>, p: Problems): void {
  if (!isRecord(input.layout)) return;
  const keys = Object.keys(input.layout);
  if (keys.length > LIMITS.layoutEntries) p.add('layout', `The layout has ${keys.length} saved positions; at most ${LIMITS.layoutEntries} are accepted.`);
  else
    for (const [id, pos] of Object.entries(input.layout)) {
      text(id, 'layout', `A saved position's element id`, LIMITS.nameChars, p);
      // A position at 1e308 made every export fail (a picture wider than any canvas).
      if (isRecord(pos) && [pos.x, pos.y].some((v) => typeof v === 'number' && Math.abs(v) > LIMITS.coordinate))
        p.add(`layout.${id.slice(0, LIMITS.nameChars)}`, `The saved position of '${id.slice(0, 40)}' is too far out (${pos.x}, ${pos.y}); positions up to ${LIMITS.coordinate.toLocaleString('en-US')} pixels from the centre are accepted.`);
    }
}

/** The top-level fields this app does not define (`origin`, a kept path test…): depth, number of values, origin's texts. */
export function checkUnknownFields(input: Record<string, unknown>, p: Problems): void {
  let values = 0;
  for (const key of Object.keys(input)) {
    if (KNOWN_TOP_LEVEL.has(key)) continue;
    const depth = jsonDepth(input[key], LIMITS.unknownFieldDepth);
    if (depth > LIMITS.unknownFieldDepth) {
      p.add(key.slice(0, LIMITS.nameChars), `The field '${key.slice(0, 40)}' is not one this app knows, and it is nested more than ${LIMITS.unknownFieldDepth} levels deep: such fields are kept on save only up to ${LIMITS.unknownFieldDepth} levels. Remove it or flatten it.`);
      continue;
    }
    if (key === OBSERVATIONS) {
      if (observationValues(input) > LIMITS.observationValues)
        p.add(key, `What the path test and the migration history keep with the design ('${OBSERVATIONS}') holds more than ${LIMITS.observationValues.toLocaleString('en-US')} values; at most ${LIMITS.observationValues.toLocaleString('en-US')} are accepted. Clear the path test or the history (All pairs tab), or remove what was added by hand.`);
      continue;
    }
    values += 1 + countValues(input[key], LIMITS.unknownFieldValues - values);
    if (values > LIMITS.unknownFieldValues) {
      p.add(key.slice(0, LIMITS.nameChars), `The fields this app does not define (such as '${key.slice(0, 40)}') hold more than ${LIMITS.unknownFieldValues.toLocaleString('en-US')} values; they are kept on save, so at most ${LIMITS.unknownFieldValues.toLocaleString('en-US')} are accepted. Remove what is not needed.`);
      return;
    }
  }
  if (isRecord(input.origin)) checkOriginText(input.origin, p);
}

/** The top-level field the path test and the migration history are kept in (src/engine/io/verify/observations.ts). */
export const OBSERVATIONS_FIELD = 'observations';
const OBSERVATIONS = OBSERVATIONS_FIELD;

/** The values `observations` holds (stopping past its limit), counted as the limit counts them. */
export function observationValues(input: Record<string, unknown>): number {
  return Object.hasOwn(input, OBSERVATIONS) ? 1 + countValues(input[OBSERVATIONS], LIMITS.observationValues) : 0;
}

/** Whether `key` is a top-level field of the format (the rest is kept as is). */
export const isKnownTopLevel = (key: string): boolean => KNOWN_TOP_LEVEL.has(key);

/** Values nested in a JSON value (keys and entries), counted without recursion, stopping above `stopAbove`. */
export function countValues(value: unknown, stopAbove: number): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (++n > stopAbove) return n;
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return n;
}

/**
 * The texts of an inventory's `origin` (the cluster's name, hosts' OS captions, intents' names…)
 * are shown in the app and the reports: every key and text in it is a name, held to a name's
 * limits (a 200,000-character cluster name with RLO, NUL and CR/LF was shown as is).
 */
function checkOriginText(origin: Record<string, unknown>, p: Problems): void {
  const stack: [unknown, string][] = [[origin, 'origin']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v, { max: LIMITS.nameChars });
      if (problem) p.add(path, `${originLabel(path)} ${problem}`);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
    else
      for (const [k, x] of Object.entries(v)) {
        const problem = textProblem(k, { max: LIMITS.nameChars });
        if (problem) {
          p.add(path, `A key of '${path}' (the inventory's record of the cluster) ${problem}`);
          continue;
        }
        stack.push([x, `${path}.${k}`]);
      }
  }
}

const originLabel = (path: string): string => (path === 'origin.cluster' ? "The imported cluster's name" : `'${path}' (the inventory's record of the cluster)`);
