/** Importing a path test result beside the design: one undoable change of the document's observations. */
import { pathTestOf } from '../../engine';
import { keepsTooMuch, parsePathTest, withPathTest } from '../../engine/io';
import type { ParseError } from '../../engine';
import type { AppStore } from '../../store/appStore';

export type PathTestOutcome =
  | { ok: true; fileName: string; attempts: number; mismatches: number; unmatched: number; notes: string[] }
  | { ok: false; fileName: string; errors: ParseError[] };

export function importPathTest(input: Uint8Array, fileName: string, store: AppStore, now: () => Date = () => new Date()): PathTestOutcome {
  const { design, actions } = store.getState();
  const read = parsePathTest(input, design, fileName);
  if (!read.ok) {
    actions.notify({ kind: 'error', text: `'${fileName}' was not imported: the design and its observations are unchanged.`, errors: read.errors });
    return { ok: false, fileName, errors: read.errors };
  }
  const record = { ...read.record, importedAt: now().toISOString() };
  const r = actions.edit({ type: 'set-path-test', record });
  if (!r.ok) {
    // The path test and a migration history share one limit of values (LIMITS.observationValues): say what to do.
    const errors = keepsTooMuch(withPathTest(store.getState().document, record))
      ? [{ path: '', message: 'The design cannot keep this many connections beside what it already keeps (a migration history and what was added by hand to \'observations\' share one limit). Clear the migration history (All pairs tab), or run Test-LmPaths.ps1 with -Pairs for fewer pairs.' }, ...r.errors]
      : r.errors;
    actions.notify({ kind: 'error', text: `'${fileName}' was not imported: the design and its observations are unchanged.`, errors });
    return { ok: false, fileName, errors };
  }
  const c = pathTestOf(store.getState().design)?.comparison;
  const mismatches = c?.mismatches ?? 0;
  const unmatched = c?.unmatched.length ?? 0;
  actions.notify({
    kind: 'info',
    text: `Imported the path test '${fileName}': ${record.attempts.length} connections, ${mismatches === 0 ? 'no mismatch with the design' : `${mismatches} mismatch${mismatches === 1 ? '' : 'es'} with the design (Validation tab)`}${unmatched ? `, ${unmatched} matching nothing in the design` : ''}. See All pairs. Undo removes it.`,
  });
  return { ok: true, fileName, attempts: record.attempts.length, mismatches, unmatched, notes: [...read.notes, ...record.notes] };
}
