/**
 * Connecting by dragging from one element to another (in the Connect tool, or with Shift held in
 * the Select tool): what can be connected, and the dashed line that follows the pointer. The
 * gesture itself is a state of the gesture machine (../gestureMachine.ts); releasing over another
 * element applies the connect edit (one undo step), and the engine says what it means.
 */
import type { EventObject, NodeSingular } from 'cytoscape';
import type { Topology } from '../../engine';
import { elementKind } from '../../engine';

const SVG = 'http://www.w3.org/2000/svg';

/** The topology element a drawn node stands for (transit subnets and edges stand for nothing to connect). */
export function connectable(design: Topology, e: EventObject): string | null {
  if (e.target === e.cy || !e.target.isNode?.()) return null;
  const id = (e.target as NodeSingular).id();
  return elementKind(design, id) === null ? null : id;
}

/**
 * Where a connection dragged from `from` to `to` starts (issue 27). On the compact drawing a
 * node's box is mostly its NIC tiles, so a drag aimed at the node lands on a tile: a tile already
 * on a network, dragged to another network, stands for its node — the connection creates a NIC,
 * as a drag from the node does, instead of unplugging that NIC from its network. A tile on no
 * network is plugged in; on the full drawing a NIC is a labelled box and means itself.
 */
export function connectSource(design: Topology, compact: boolean, from: string, to: string): string {
  const nic = design.index.nics.get(from);
  if (!compact || !nic || !design.index.networks.has(to)) return from;
  const networks = new Set((design.index.addressesByNic.get(from) ?? []).map((i) => design.addresses[i]!.networkId));
  return networks.size > 0 && !networks.has(to) ? nic.node : from;
}

export function ghostLine(container: HTMLElement | null): { show(x1: number, y1: number, x2: number, y2: number): void; hide(): void; remove(): void } {
  if (!container || typeof document === 'undefined') return { show() {}, hide() {}, remove() {} };
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'connect-ghost');
  svg.setAttribute('aria-hidden', 'true');
  Object.assign(svg.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none', display: 'none', zIndex: '4' });
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('stroke', '#1f5fa8');
  line.setAttribute('stroke-width', '2.5');
  line.setAttribute('stroke-dasharray', '6 4');
  svg.appendChild(line);
  container.appendChild(svg);
  return {
    show(x1, y1, x2, y2) {
      line.setAttribute('x1', String(x1));
      line.setAttribute('y1', String(y1));
      line.setAttribute('x2', String(x2));
      line.setAttribute('y2', String(y2));
      svg.style.display = 'block';
    },
    hide() {
      svg.style.display = 'none';
    },
    remove() {
      svg.remove();
    },
  };
}
