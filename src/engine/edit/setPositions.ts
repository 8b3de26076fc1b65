/**
 * Saved positions. Moving a node moves its NICs, moving a site moves everything in it, unless
 * the edit gives their positions too (a canvas drag reports every element it moved).
 */
import { ownValue, setOwn } from '../model/own';
import type { Position } from '../model/types';
import { elementKind } from '../model/elementKind';
import { quote, withPositions, type EditContext } from './context';
import { fail, type Step } from './types';

export function applyPositions(ctx: EditContext, positions: Record<string, Position>): Step {
  const { t, doc } = ctx;
  const layout = doc.layout ?? {};
  const out: Record<string, Position> = {};
  for (const [id, p] of Object.entries(positions)) {
    if (elementKind(t, id) === null) return fail(`Cannot place ${quote(id)}: there is no such element.`, `layout.${id}`);
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return fail(`The position of ${quote(id)} must be two finite numbers.`, `layout.${id}`);
    setOwn(out, id, { x: p.x, y: p.y });
  }
  const follow = (parent: string, children: string[]): void => {
    const from = ownValue(layout, parent);
    const to = ownValue(out, parent);
    if (!from || !to || (from.x === to.x && from.y === to.y)) return;
    for (const c of children) {
      const cp = ownValue(layout, c);
      if (cp && !Object.hasOwn(positions, c)) setOwn(out, c, { x: cp.x + to.x - from.x, y: cp.y + to.y - from.y });
    }
  };
  // Sites first, so that a node given with its site moves its NICs by its own offset.
  const ids = Object.keys(positions).sort((a, b) => Number(elementKind(t, b) === 'site') - Number(elementKind(t, a) === 'site'));
  for (const id of ids) {
    const kind = elementKind(t, id);
    if (kind === 'site') {
      const nodes = t.nodes.filter((n) => n.site === id).map((n) => n.id);
      const routers = t.routers.filter((r) => r.site === id).map((r) => r.id);
      follow(id, [...nodes, ...routers, ...nodes.flatMap((n) => t.index.nicsByNode.get(n) ?? [])]);
    } else if (kind === 'node') follow(id, t.index.nicsByNode.get(id) ?? []);
  }
  return { ok: true, document: withPositions(doc, out) };
}

export function applyRemovePositions(ctx: EditContext, ids: readonly string[]): Step {
  const layout = ctx.doc.layout;
  const gone = new Set(ids);
  if (!layout || !Object.keys(layout).some((id) => gone.has(id))) return { ok: true, document: ctx.doc };
  return { ok: true, document: { ...ctx.doc, layout: Object.fromEntries(Object.entries(layout).filter(([id]) => !gone.has(id))) } };
}
