/** The analysis worker: runs one job at a time (jobs/protocol.ts); the main thread ends it to cancel. */
import type { JobMessage, JobRequest } from './protocol.ts';
import { runJob } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobMessage): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => runJob(e.data, (m) => scope.postMessage(m));
