/**
 * PowerShell's grammar for tests (tree-sitter-powershell's .wasm through web-tree-sitter): no
 * PowerShell runs here, but a generated script can be parsed and its syntax tree read. Shared by
 * every test of a generated script (apply script, inventory, Test-LmPaths).
 *
 * - `parsePowerShell(text)`: the tree (the grammar is loaded once).
 * - `syntaxErrors(tree)`: every ERROR or missing node, with its line and text.
 * - `foldQuotes(text)`: typographic quotes and dashes as PowerShell's tokenizer reads them.
 * - `whereLands(tree, needle)`: the nodes a given text lands in; `landsOnlyInert` says whether
 *   every occurrence is inside a verbatim (single-quoted) string or a comment.
 * - `unguardedChanges(tree)`: state-changing commands and cluster-property assignments that are
 *   not inside an `if ($PSCmdlet.ShouldProcess(...))` block.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parser: Parser | null = null;

/** Loads the grammar (once per test file). */
export async function loadPowerShell(): Promise<void> {
  if (parser) return;
  await Parser.init();
  const lang = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  parser = new Parser();
  parser.setLanguage(lang);
}

export function parsePowerShell(text: string): Tree {
  if (!parser) throw new Error('Call loadPowerShell() first (in beforeAll).');
  const tree = parser.parse(text);
  if (!tree) throw new Error('The PowerShell grammar returned no tree.');
  return tree;
}

function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) if (c) yield* walk(c);
}

export interface SyntaxProblem {
  line: number;
  kind: 'error' | 'missing';
  text: string;
}

/** Every ERROR node and every node the parser had to invent (missing). */
export function syntaxErrors(tree: Tree): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  for (const n of walk(tree.rootNode)) {
    if (n.type === 'ERROR') out.push({ line: n.startPosition.row + 1, kind: 'error', text: n.text.slice(0, 120) });
    else if (n.isMissing) out.push({ line: n.startPosition.row + 1, kind: 'missing', text: n.type });
  }
  return out;
}

/**
 * The text as PowerShell's tokenizer reads its quotes and dashes: ‘ ’ ‚ ‛ are single quotes,
 * “ ” „ double quotes, – — ― dashes (so `–WhatIf` is a parameter). The grammar knows only the
 * ASCII forms, so a test folds a script first and then asks where a name lands.
 */
export function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201a\u201b]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"').replace(/[\u2013\u2014\u2015]/g, '-');
}

/** Node types where text is inert: a verbatim string's characters, a verbatim here-string, a comment. */
const INERT = new Set(['verbatim_string_characters', 'verbatim_here_string_characters', 'comment']);

export interface Landing {
  at: number;
  /** The innermost node covering the whole occurrence. */
  node: string;
  inert: boolean;
}

/** Where each occurrence of `needle` lands: the smallest node that covers it, and whether that is inert. */
export function whereLands(tree: Tree, source: string, needle: string): Landing[] {
  const out: Landing[] = [];
  if (needle === '') return out;
  for (let at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + 1)) {
    const start = byteOffset(source, at);
    const end = byteOffset(source, at + needle.length);
    let n: Node = tree.rootNode;
    for (;;) {
      const inner = n.children.find((c): c is Node => c !== null && c.startIndex <= start && c.endIndex >= end);
      if (!inner) break;
      n = inner;
    }
    let inert = false;
    for (let p: Node | null = n; p; p = p.parent) if (INERT.has(p.type)) inert = true;
    out.push({ at, node: n.type, inert });
  }
  return out;
}

/** web-tree-sitter (0.26) reports a JS string's indexes in UTF-16 code units, as JS counts them. */
function byteOffset(_source: string, index: number): number {
  return index;
}

/** Whether every occurrence of needle lands in a verbatim string or a comment (and there is at least one). */
export function landsOnlyInert(tree: Tree, source: string, needle: string): boolean {
  const l = whereLands(tree, source, needle);
  return l.length > 0 && l.every((x) => x.inert);
}

const CHANGING = /^(Set|New|Remove|Add|Install|Enable|Disable|Clear|Update|Stop|Restart|Suspend|Move)-/i;
/** Cmdlets that write only to this console or a local file the script owns (not the cluster). */
const LOCAL = new Set(['set-content', 'out-file', 'new-object', 'set-strictmode', 'add-member', 'add-content']);

export interface Change {
  line: number;
  text: string;
}

function isShouldProcessIf(n: Node): boolean {
  if (n.type !== 'if_statement' && n.type !== 'elseif_clause') return false;
  const cond = n.children.find((c) => c?.type === 'pipeline');
  return cond !== undefined && cond !== null && /\$PSCmdlet\.ShouldProcess\(/i.test(cond.text);
}

/** Whether a node sits in the statement block of an `if ($PSCmdlet.ShouldProcess(...))` (not in its condition or else branch). */
function guarded(n: Node): boolean {
  for (let p: Node | null = n.parent, child: Node = n; p; child = p, p = p.parent) {
    if (isShouldProcessIf(p) && child.type === 'statement_block') return true;
  }
  return false;
}

/**
 * State-changing commands (Set-*, New-*, Remove-*, Add-*, … except local ones) and assignments
 * to a property of `$cluster` or `$atcOverride`'s targets, outside a ShouldProcess block. Script
 * block bodies passed to Invoke-Command are checked through the Invoke-Command that runs them.
 */
export function unguardedChanges(tree: Tree): Change[] {
  const out: Change[] = [];
  for (const n of walk(tree.rootNode)) {
    if (n.type === 'command') {
      const name = n.children.find((c) => c?.type === 'command_name')?.text ?? '';
      if (CHANGING.test(name) && !LOCAL.has(name.toLowerCase()) && !guarded(n)) out.push({ line: n.startPosition.row + 1, text: n.text.split('\n')[0]!.slice(0, 120) });
    } else if (n.type === 'assignment_expression') {
      const left = n.children[0]?.text ?? '';
      if (/^\$cluster\b.*\./i.test(left) && !guarded(n)) out.push({ line: n.startPosition.row + 1, text: n.text.slice(0, 120) });
    }
  }
  return out;
}
