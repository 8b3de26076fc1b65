/** Commands about one diagram element, offered in its context menu (they need a target). */
import { hostOf } from '../../engine/edit';
import type { Command, CommandContext } from './types';

/** The cluster node an element stands for in the pair: itself, or a NIC's node. */
const nodeOf = ({ store }: CommandContext, target?: string): string | null => (target === undefined ? null : hostOf(store.getState().design, target));

export const elementCommands: Command[] = [
  {
    id: 'set-source', label: 'Set as source', group: 'view', menu: { shown: (ctx, target) => nodeOf(ctx, target) !== null },
    enabled: (ctx, target) => nodeOf(ctx, target) !== null && ctx.store.getState().ui.sourceNodeId !== nodeOf(ctx, target),
    run: (ctx, target) => {
      const node = nodeOf(ctx, target);
      if (node) ctx.store.getState().actions.setSource(node);
    },
  },
  {
    id: 'set-destination', label: 'Set as destination', group: 'view', menu: { shown: (ctx, target) => nodeOf(ctx, target) !== null },
    enabled: (ctx, target) => nodeOf(ctx, target) !== null && ctx.store.getState().ui.destinationNodeId !== nodeOf(ctx, target),
    run: (ctx, target) => {
      const node = nodeOf(ctx, target);
      if (node) ctx.store.getState().actions.setDestination(node);
    },
  },
  {
    id: 'drain', label: 'Drain…', group: 'view', menu: { shown: ({ store }, target) => target !== undefined && store.getState().design.index.nodes.has(target) },
    run: ({ store }, target) => {
      if (target !== undefined) store.getState().actions.openDrain(target);
    },
  },
  {
    id: 'show-details', label: 'Show details', group: 'view', menu: {},
    enabled: (_ctx, target) => target !== undefined,
    run: ({ store }, target) => {
      if (target === undefined) return;
      const { actions } = store.getState();
      actions.select([target]);
      actions.setPanel('details');
    },
  },
];
