/** Keeping a path test with the design, or clearing it: one undoable change of the top-level `observations`. */
import { withPathTest } from '../io/verify/observations';
import type { PathTestRecord } from '../io/verify/types';
import type { EditContext } from './context';
import type { Step } from './types';

export function applySetPathTest(ctx: EditContext, record: PathTestRecord | null): Step {
  return { ok: true, document: withPathTest(ctx.doc, record) };
}
