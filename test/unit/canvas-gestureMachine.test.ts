/**
 * The gesture machine as a pure function: each row is a sequence of events as cytoscape reports
 * them (press = tapstart, move = tapdrag, drag, release = tapend, tap, dragfree), the state it
 * ends in, and every output it emitted, in order. Store intents (tap, connect, move) must be at
 * most one per gesture.
 */
import { describe, expect, it } from 'vitest';
import { IDLE, transition, type GestureEvent, type GestureOutput, type GestureState } from '../../src/canvas/gestureMachine';

const at = { x: 10, y: 20 };
const pressNode = (id: string, grabbed = true): GestureEvent => ({ type: 'press', target: id, grabbed, connectFrom: null });
const pressBackground: GestureEvent = { type: 'press', target: null, grabbed: false, connectFrom: null };
const pressConnect = (id: string): GestureEvent => ({ type: 'press', target: id, grabbed: false, connectFrom: id });
const move: GestureEvent = { type: 'move', at };
const drag = (id: string): GestureEvent => ({ type: 'drag', id });
const release = (over: string | null = null): GestureEvent => ({ type: 'release', over });
const tap = (id: string | null, additive = false): GestureEvent => ({ type: 'tap', tap: { id, additive } });
const dragfree: GestureEvent = { type: 'dragfree' };

function run(events: GestureEvent[], from: GestureState = IDLE): { state: GestureState; out: GestureOutput[] } {
  let state = from;
  const out: GestureOutput[] = [];
  for (const e of events) {
    const t = transition(state, e);
    state = t.state;
    out.push(...t.out);
  }
  return { state, out };
}

const INTENTS = new Set(['tap', 'connect', 'move']);
const closeMenu: GestureOutput = { type: 'menu', request: null };

type Row = [name: string, events: GestureEvent[], state: GestureState['kind'], out: GestureOutput[]];
const rows: Row[] = [
  ['a click on a node: flush, then one tap', [pressNode('n1'), release('n1'), tap('n1')], 'idle', [{ type: 'flush' }, closeMenu, { type: 'tap', tap: { id: 'n1', additive: false } }]],
  [
    'a click with a jitter: measured once, still one tap',
    [pressNode('n1'), move, move, release(), tap('n1')],
    'idle',
    [{ type: 'flush' }, { type: 'measure' }, closeMenu, { type: 'tap', tap: { id: 'n1', additive: false } }],
  ],
  ['a click on the background: one tap with no element', [pressBackground, release(), tap(null)], 'idle', [closeMenu, { type: 'tap', tap: { id: null, additive: false } }]],
  ['a click on an edge (not grabbed): no flush', [pressNode('e1', false), release(), tap('nic', true)], 'idle', [closeMenu, { type: 'tap', tap: { id: 'nic', additive: true } }]],
  [
    'a drag of a node with its NICs: one move with every dragged id, on the first dragfree only',
    [pressNode('n1'), move, drag('n1'), drag('n1-a'), move, drag('n1'), drag('n1-a'), release(), dragfree, dragfree],
    'idle',
    [{ type: 'flush' }, { type: 'measure' }, { type: 'move', dragged: ['n1', 'n1-a'] }],
  ],
  ['a drag with no move event first still measures (headless)', [pressNode('n1'), drag('n1'), release(), dragfree], 'idle', [{ type: 'flush' }, { type: 'measure' }, { type: 'move', dragged: ['n1'] }]],
  ['a pan: no intent', [pressBackground, move, { type: 'pan' }, move, release()], 'idle', []],
  [
    'a connection from one element to another: one connect',
    [pressConnect('n1-lm'), move, release('lm-b')],
    'idle',
    [{ type: 'connect-start', source: 'n1-lm' }, { type: 'connect-line', source: 'n1-lm', at }, { type: 'connect-end' }, { type: 'connect', from: 'n1-lm', to: 'lm-b' }],
  ],
  [
    'a connection released on its source or on nothing: no connect; the click that follows is a tap',
    [pressConnect('n1'), release('n1'), tap('n1', true)],
    'idle',
    [{ type: 'connect-start', source: 'n1' }, { type: 'connect-end' }, closeMenu, { type: 'tap', tap: { id: 'n1', additive: true } }],
  ],
  [
    'a connection dragged and released on nothing or on its source: no connect, a notice says why (issue 27)',
    [pressConnect('n1'), move, release(), pressConnect('n2'), move, release('n2'), tap('n2')],
    'idle',
    [
      { type: 'connect-start', source: 'n1' }, { type: 'connect-line', source: 'n1', at }, { type: 'connect-end' }, { type: 'connect-none', source: 'n1', on: 'nothing' },
      { type: 'connect-start', source: 'n2' }, { type: 'connect-line', source: 'n2', at }, { type: 'connect-end' }, { type: 'connect-none', source: 'n2', on: 'itself' },
      closeMenu, { type: 'tap', tap: { id: 'n2', additive: false } },
    ],
  ],
  ['a connection cancelled by a tool change: the line goes, nothing is sent', [pressConnect('n1'), move, { type: 'cancel' }], 'idle', [{ type: 'connect-start', source: 'n1' }, { type: 'connect-line', source: 'n1', at }, { type: 'connect-end' }]],
  [
    'a press interrupting a connection (release missed) ends it first',
    [pressConnect('n1'), pressNode('n2')],
    'pressing',
    [{ type: 'connect-start', source: 'n1' }, { type: 'connect-end' }, { type: 'flush' }],
  ],
  ['a right click opens the menu; the background closes it', [{ type: 'context', id: 'lm-a', at }, { type: 'context', id: null, at }], 'idle', [{ type: 'menu', request: { id: 'lm-a', x: 10, y: 20 } }, closeMenu]],
  ['zooming closes the menu', [{ type: 'viewport' }], 'idle', [closeMenu]],
  ['moves, drags and dragfrees with no press do nothing', [move, drag('x'), dragfree, release()], 'idle', []],
  ['a tap on nothing the store knows closes the menu only', [pressNode('x'), release(), { type: 'tap', tap: null }], 'idle', [{ type: 'flush' }, closeMenu]],
];

describe('gesture machine', () => {
  it.each(rows)('%s', (_name, events, state, out) => {
    const r = run(events);
    expect(r.state.kind).toBe(state);
    expect(r.out).toEqual(out);
    expect(r.out.filter((o) => INTENTS.has(o.type)).length).toBeLessThanOrEqual(1);
  });

  it('passes through the documented states: pressing → dragging | connecting | panning', () => {
    const kinds = (events: GestureEvent[]): string[] => {
      let s: GestureState = IDLE;
      return events.map((e) => (s = transition(s, e).state).kind);
    };
    expect(kinds([pressNode('n1'), move, drag('n1'), release(), dragfree])).toEqual(['pressing', 'pressing', 'dragging', 'dragging', 'idle']);
    expect(kinds([pressBackground, move, { type: 'pan' }, release()])).toEqual(['pressing', 'pressing', 'panning', 'idle']);
    expect(kinds([pressConnect('n1'), move, release('n2')])).toEqual(['connecting', 'connecting', 'idle']);
  });

  it('does not copy the dragged set for ids it already has (a drag reports every node on every move)', () => {
    const dragging = run([pressNode('n1'), drag('n1'), drag('n1-a')]).state;
    expect(transition(dragging, drag('n1')).state).toBe(dragging);
  });
});
