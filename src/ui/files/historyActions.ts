/** Importing a migration history beside the design: one undoable change of the document's observations. */
import { historyOf } from '../../engine';
import { keepsTooMuch, parseHistory, withHistory } from '../../engine/io';
import type { ParseError } from '../../engine';
import type { AppStore } from '../../store/appStore';

export type HistoryOutcome =
  | { ok: true; fileName: string; migrations: number; timed: number; failures: number; unmatched: number; notes: string[] }
  | { ok: false; fileName: string; errors: ParseError[] };

export function importHistory(input: Uint8Array, fileName: string, store: AppStore, now: () => Date = () => new Date()): HistoryOutcome {
  const { design, actions } = store.getState();
  const read = parseHistory(input, design, fileName);
  const refused = (errors: ParseError[]): HistoryOutcome => {
    actions.notify({ kind: 'error', text: `'${fileName}' was not imported: the design and its observations are unchanged.`, errors });
    return { ok: false, fileName, errors };
  };
  if (!read.ok) return refused(read.errors);
  const record = { ...read.record, importedAt: now().toISOString() };
  const r = actions.edit({ type: 'set-history', record });
  if (!r.ok)
    return refused(
      keepsTooMuch(withHistory(store.getState().document, record))
        ? [{ path: '', message: 'The design cannot keep this history beside what it already keeps (a path test and what was added by hand to \'observations\' share one limit). Clear the path test (All pairs tab), or run Get-LmHistory.ps1 with fewer -Days.' }, ...r.errors]
        : r.errors,
    );
  const past = historyOf(store.getState().design)?.past;
  const migrations = past?.migrations.length ?? 0;
  const timed = past?.migrations.filter((m) => m.seconds !== null).length ?? 0;
  const failures = past?.failures.length ?? 0;
  const unmatched = past?.unmatched.length ?? 0;
  actions.notify({
    kind: 'info',
    text: `Imported the migration history '${fileName}': ${migrations} past migration${migrations === 1 ? '' : 's'} (${timed} with a duration)${failures ? `, ${failures} failed connection${failures === 1 ? '' : 's'}` : ''}${unmatched ? `, ${unmatched} matching nothing in the design` : ''}. See All pairs. Undo removes it.`,
  });
  return { ok: true, fileName, migrations, timed, failures, unmatched, notes: [...read.notes, ...read.record.notes] };
}
