/**
 * A simulation worker that crashes is reported and restarted, and what it had not answered is answered by
 * the new one (issue #15). Workers here run the real worker core (protocol.ts) in-process; only the thread
 * is missing, which Node does not have for module workers.
 */
import { describe, expect, it } from 'vitest';
import type { RunResponse, WireRequest } from '../../../renderer/src/scenarios/protocol.ts';
import { createWorkerCore } from '../../../renderer/src/scenarios/protocol.ts';
import type { WorkerEvent } from '../../../renderer/src/scenarios/runner.ts';
import { MAX_RESTARTS, workerRunner } from '../../../renderer/src/scenarios/runner.ts';
import { model } from '../library/helpers.ts';

class InProcessWorker {
  onmessage: ((e: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  crashOnNext = false;
  private readonly core = createWorkerCore();
  postMessage(msg: WireRequest) {
    setTimeout(() => {
      if (this.terminated) return;
      if (this.crashOnNext) {
        this.crashOnNext = false;
        this.onerror?.({ message: 'Uncaught RangeError: out of memory', preventDefault() {} } as ErrorEvent);
        return;
      }
      this.onmessage?.({ data: this.core(msg) } as MessageEvent<RunResponse>);
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

function setup() {
  const workers: InProcessWorker[] = [];
  const events: WorkerEvent[] = [];
  const runner = workerRunner(
    (e) => events.push(e),
    () => {
      const w = new InProcessWorker();
      workers.push(w);
      return w as never;
    },
  );
  return { runner, workers, events };
}

const m = model('w', 4);
const request = (id: number) => ({ id, model: m, scenario: { id: 's', name: '', breaks: [{ mode: 'compromise' as const, node: 'n0' }], patches: [], removed: [], responses: [], params: { responseHours: 648 } }, lint: true });

describe('the simulation worker', () => {
  it('is restarted after a crash, says so, and answers the request it was running', async () => {
    const { runner, workers, events } = setup();
    const first = await runner.run(request(1));
    expect(first.error).toBeNull();
    workers[0].crashOnNext = true;
    const again = await runner.run(request(2));
    expect(events).toEqual([{ kind: 'restarted', reason: 'Uncaught RangeError: out of memory' }]);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    // The new worker got the whole model (it knew none) and answers the same as the first one did.
    expect(JSON.parse(again.result!)).toEqual(JSON.parse(first.result!));
    expect(again.findings).toBe(first.findings);
  });

  it(`moves to the main thread after ${MAX_RESTARTS + 1} crashes within a minute, and still answers`, async () => {
    const { runner, workers, events } = setup();
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      workers.at(-1)!.crashOnNext = true;
      const answer = await runner.run(request(10 + i));
      expect(answer.error).toBeNull();
    }
    expect(events.map((e) => e.kind)).toEqual([...Array(MAX_RESTARTS).fill('restarted'), 'fallback']);
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
  });
});
