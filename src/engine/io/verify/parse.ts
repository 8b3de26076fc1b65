/**
 * Reading lm-path-test.json (what Test-LmPaths.ps1 writes) beside a design. Tolerant like the
 * inventory import — UTF-8 with or without a byte-order mark, UTF-16, Windows PowerShell 5.1's
 * and PowerShell 7's JSON shapes, enums as names or numbers, property names in any case — and
 * strict about what matters: a file made for another cluster is refused, never merged.
 * Never throws.
 */
import { readOrigin } from '../../model/origin';
import type { ParseError, Topology } from '../../model/types';
import { decodeInventory, parseJson } from '../inventory/decode';
import { readEnum, type EnumTable } from '../inventory/enums';
import { readAddress } from '../inventory/ip';
import { field, firstField, isObj, items, listSome, num, show, text } from '../inventory/json';
import { shortName } from './names';
import { PATH_TEST_FILE, PATH_TEST_FORMAT, PATH_TEST_SCRIPT_FILE, PATH_TEST_VERSION } from './script';
import type { ConnectAttempt, ConnectOutcome, PathTestRecord } from './types';

/**
 * The results are kept in the topology file, which opens up to 10 MB (MAX_FILE_BYTES) and is
 * autosaved in the browser: 12,000 connections (≈ 3 MB as saved) cover the default scopes — 16 nodes
 * pair by pair with four addresses each and SMB (≈ 7,700), 64 nodes one per site (≈ 2,000 per
 * site) — but not -AllPairs on 64 nodes, which is refused with what to do instead.
 */
export const MAX_ATTEMPTS = 12_000;
/** ≈ 350 bytes a connection as ConvertTo-Json indents it, with room to spare. */
export const MAX_PATH_TEST_BYTES = 16 * 1024 * 1024;
const MAX_NOTES = 1_000;
const MAX_TEXT = 500;

export const OUTCOME: EnumTable<ConnectOutcome> = {
  what: 'connection outcome',
  values: [
    ['Connected', 0, 'connected'],
    ['Refused', 1, 'refused'],
    ['TimedOut', 2, 'timed-out'],
    ['Unreachable', 3, 'unreachable'],
    ['NoSourceAddress', 4, 'no-source-address'],
    ['Failed', 5, 'failed'],
  ],
  aliases: { success: 'Connected', succeeded: 'Connected', connectionrefused: 'Refused', timeout: 'TimedOut', networkunreachable: 'Unreachable', hostunreachable: 'Unreachable' },
};

export type PathTestRead = { ok: true; record: PathTestRecord; notes: string[] } | { ok: false; errors: ParseError[] };

const failure = (message: string, path = ''): PathTestRead => ({ ok: false, errors: [{ path, message }] });


const clip = (s: string | undefined): string | undefined => (s === undefined ? undefined : s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

function readAttempt(value: unknown, path: string, problems: string[]): ConnectAttempt | null {
  const source = text(firstField(value, ['Source', 'PSComputerName', 'Computer'], path).value);
  const destination = text(field(value, 'Destination', path).value);
  const sa = text(field(value, 'SourceAddress', path).value);
  const da = text(firstField(value, ['DestinationAddress', 'RemoteAddress'], path).value);
  const port = num(firstField(value, ['Port', 'RemotePort'], path).value);
  const outcome = readEnum(OUTCOME, firstField(value, ['Outcome', 'Result'], path));
  const missing = [!source && 'Source', !destination && 'Destination', !sa && 'SourceAddress', !da && 'DestinationAddress', port === undefined && 'Port'].filter(Boolean);
  if (missing.length > 0 || outcome.kind !== 'ok') {
    problems.push(
      outcome.kind === 'invalid'
        ? `${path}: Outcome ${show(field(value, 'Outcome', path).value)} ${outcome.message}.`
        : `${path} has no ${missing.length > 0 ? missing.join(', ') : 'Outcome'}.`,
    );
    return null;
  }
  const seconds = num(field(value, 'Seconds', path).value);
  const error = clip(text(field(value, 'Error', path).value));
  const norm = (a: string): string => readAddress(a)?.text ?? a;
  const attempt: ConnectAttempt = {
    source: clip(source)!,
    sourceAddress: clip(norm(sa!))!,
    destination: clip(destination)!,
    destinationAddress: clip(norm(da!))!,
    port: port!,
    outcome: outcome.value,
    seconds: seconds !== undefined && seconds >= 0 ? seconds : null,
  };
  if (outcome.value === 'timed-out') attempt.windowsGaveUp = error !== 'NoAnswerWithinTimeout';
  if (error !== undefined) attempt.error = error;
  return attempt;
}

function wrongFile(root: unknown): string | null {
  const format = text(field(root, 'format', '').value);
  if (format === PATH_TEST_FORMAT) return null;
  if (format === 'lm-cluster-inventory') return `This is a cluster inventory, not a path test result: import it in step 2 ("Import the file it wrote").`;
  if (format === 'lm-topology') return 'This is a topology file, not a path test result: open it with Open.';
  return `This is not a path test result (its "format" is ${show(field(root, 'format', '').value)}, expected "${PATH_TEST_FORMAT}"). Import the ${PATH_TEST_FILE} that ${PATH_TEST_SCRIPT_FILE} wrote.`;
}

/**
 * Reads a path test result for the design `t`. Refused: not a path test, a newer version, too
 * large, a file from another cluster (its cluster name differs from the imported design's, or not
 * one of its nodes is a node of the design).
 */
export function parsePathTest(input: string | Uint8Array, t: Topology, fileName?: string): PathTestRead {
  try {
    const size = typeof input === 'string' ? input.length : input.length;
    if (size > MAX_PATH_TEST_BYTES) return failure(`The file is too large to be a path test result (${Math.round(size / 1048576)} MB; at most ${MAX_PATH_TEST_BYTES / 1048576} MB).`);
    if (size === 0) return failure(`The file is empty. Run ${PATH_TEST_SCRIPT_FILE} again and import the ${PATH_TEST_FILE} it writes.`);
    const decoded = decodeInventory(input);
    if (!decoded.ok) return { ok: false, errors: [decoded.error] };
    const json = parseJson(decoded.text);
    if (!json.ok) return failure(json.error.message.replace('lm-inventory.json', PATH_TEST_FILE).replace('the inventory script', PATH_TEST_SCRIPT_FILE));
    const root = json.value;
    if (!isObj(root)) return failure(`The file holds ${show(root)}, not a path test result. Import the ${PATH_TEST_FILE} that ${PATH_TEST_SCRIPT_FILE} wrote.`);
    const wrong = wrongFile(root);
    if (wrong) return failure(wrong, 'format');
    const version = num(field(root, 'version', '').value);
    if (version !== PATH_TEST_VERSION)
      return failure(
        version !== undefined && version > PATH_TEST_VERSION
          ? `This path test result is version ${version}; this app reads version ${PATH_TEST_VERSION}. Update the app, or run the ${PATH_TEST_SCRIPT_FILE} this app offers.`
          : `The path test result has no valid "version" (${show(field(root, 'version', '').value)}); expected ${PATH_TEST_VERSION}.`,
        'version',
      );

    const results = items(field(root, 'results', ''));
    if (results.length > MAX_ATTEMPTS)
      return failure(
        `The file holds ${results.length} connections; at most ${MAX_ATTEMPTS} are kept with a design. Run ${PATH_TEST_SCRIPT_FILE} with its default scope (without -AllPairs) or with -Pairs for the pairs you want to check.`,
        'results',
      );
    const problems: string[] = [];
    const attempts: ConnectAttempt[] = [];
    for (const r of results) {
      const a = readAttempt(r.value, r.path, problems);
      if (a) attempts.push(a);
    }
    const cluster = clip(text(field(root, 'cluster', '').value));
    const designCluster = readOrigin(t.document)?.cluster;
    if (cluster && designCluster && shortName(cluster) !== shortName(designCluster))
      return failure(`This path test was made on cluster '${cluster}'; the design on screen is cluster '${designCluster}'. Nothing was imported: run the ${PATH_TEST_SCRIPT_FILE} of this design on its cluster.`, 'cluster');
    const designNodes = new Set(t.nodes.map((n) => shortName(n.name)));
    const fileNodes = [...new Set(attempts.flatMap((a) => [a.source, a.destination]))];
    if (fileNodes.length > 0 && !fileNodes.some((n) => designNodes.has(shortName(n))))
      return failure(
        `None of the nodes in this path test (${listSome(fileNodes, 5)}) is a node of the design on screen (${listSome(t.nodes.map((n) => n.name), 5)}): it was made for another cluster. Nothing was imported.`,
        'results',
      );

    const fileNotes = items(field(root, 'notes', ''))
      .map((n) => clip(text(n.value)))
      .filter((n): n is string => n !== undefined);
    const record: PathTestRecord = { format: PATH_TEST_FORMAT, version: PATH_TEST_VERSION, attempts, notes: [...fileNotes, ...problems].slice(0, MAX_NOTES) };
    const design = clip(text(field(root, 'design', '').value));
    if (design) record.design = design;
    if (cluster) record.cluster = cluster;
    const collectedAt = clip(text(field(root, 'collectedAt', '').value));
    if (collectedAt) record.collectedAt = collectedAt;
    const collectedOn = clip(text(field(root, 'collectedOn', '').value));
    if (collectedOn) record.collectedOn = collectedOn;
    const timeout = num(field(root, 'timeoutSeconds', '').value);
    if (timeout !== undefined && timeout > 0) record.timeoutSeconds = timeout;
    const scope = clip(text(field(root, 'scope', '').value));
    if (scope) record.scope = scope;
    if (fileName) record.fileName = clip(fileName)!;
    const notes = problems.length > 0 ? [`${problems.length} entr${problems.length === 1 ? 'y' : 'ies'} of the file could not be read (listed with the file's notes).`] : [];
    if (attempts.length === 0) notes.push('The file holds no connection: were the nodes reachable through PowerShell remoting? See its notes.');
    return { ok: true, record, notes };
  } catch (e) {
    return failure(`The path test result could not be imported (${e instanceof Error ? e.message : String(e)}).`);
  }
}
