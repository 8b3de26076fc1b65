/** The one worker helper of N-1 and every node in turn (src/ui/common/useOffThread.ts, offThreadProtocol.ts). */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology, type TopologyDocument } from '../../src/engine';
import { answer, type OffThreadRequest, type OffThreadResponse } from '../../src/ui/common/offThreadProtocol';
import { useOffThread } from '../../src/ui/common/useOffThread';
import example from '../fixtures/switchless-3-node.json';

const topology = (name: string): Topology => {
  const r = parseTopology({ ...structuredClone(example), name });
  if (!r.ok) throw new Error('fixture');
  return r.topology;
};
const nodeCount = (t: Topology, o: { legacyTimeoutSeconds: number }): string => `${t.nodes.length} nodes, ${o.legacyTimeoutSeconds} s`;

/** A worker the test answers by hand: it records requests and whether it was terminated. */
class FakeWorker {
  static made: FakeWorker[] = [];
  requests: OffThreadRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<OffThreadResponse<string>>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(r: OffThreadRequest): void {
    this.requests.push(r);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(i = this.requests.length - 1): void {
    act(() => this.onmessage?.({ data: answer(this.requests[i]!, nodeCount) } as MessageEvent<OffThreadResponse<string>>));
  }
}
const start = (): Worker => new FakeWorker() as unknown as Worker;

describe('the worker side', () => {
  it('parses the document again and runs the analysis, or says why not', () => {
    const doc = structuredClone(example) as TopologyDocument;
    expect(answer({ id: 7, document: doc, legacyTimeoutSeconds: 20 }, nodeCount)).toEqual({ id: 7, ok: true, value: '3 nodes, 20 s' });
    const broken = answer({ id: 8, document: { format: 'nope' } as unknown as TopologyDocument, legacyTimeoutSeconds: 20 }, nodeCount);
    expect(broken).toMatchObject({ id: 8, ok: false });
    expect(answer({ id: 9, document: doc, legacyTimeoutSeconds: 20 }, () => { throw new Error('boom'); })).toEqual({ id: 9, ok: false, error: 'boom' });
  });
});

describe('useOffThread', () => {
  it('drops a busy worker for a newer design and shows only the latest answer', async () => {
    FakeWorker.made = [];
    const a = topology('A');
    const b = topology('B');
    const { result, rerender } = renderHook(({ t, timeout }) => useOffThread(t, timeout, start, nodeCount, 'failed'), { initialProps: { t: a, timeout: 20 } });
    expect(result.current).toMatchObject({ value: null, pending: true });
    const first = FakeWorker.made[0]!;
    expect(first.requests[0]!.document).not.toHaveProperty('layout');
    rerender({ t: b, timeout: 30 }); // A still running: that worker goes
    expect(first.terminated).toBe(true);
    const second = FakeWorker.made[1]!;
    second.reply();
    await waitFor(() => expect(result.current).toMatchObject({ value: '3 nodes, 30 s', topology: b, pending: false, error: null }));
  });

  it('computes in place where there is no worker', async () => {
    const a = topology('A');
    const { result } = renderHook(() => useOffThread(a, 30, () => null, nodeCount, 'failed'));
    await waitFor(() => expect(result.current).toMatchObject({ value: '3 nodes, 30 s', pending: false }));
  });
});
