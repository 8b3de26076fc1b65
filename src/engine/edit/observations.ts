/** Keeping a path test or a migration history with the design, or clearing it: one undoable change of the top-level `observations`. */
import { withHistory } from '../io/history/observations';
import type { HistoryRecord } from '../io/history/types';
import { withPathTest } from '../io/verify/observations';
import type { PathTestRecord } from '../io/verify/types';
import type { EditContext } from './context';
import type { Step } from './types';

export function applySetPathTest(ctx: EditContext, record: PathTestRecord | null): Step {
  return { ok: true, document: withPathTest(ctx.doc, record) };
}

export function applySetHistory(ctx: EditContext, record: HistoryRecord | null): Step {
  return { ok: true, document: withHistory(ctx.doc, record) };
}
