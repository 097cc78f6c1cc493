// Starts a TypeScript worker under tsx: Node 20 does not pass tsx's loader to worker threads.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
