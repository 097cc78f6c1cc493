/**
 * IPC plumbing: every `ipcMain.handle` goes through `guard`, which checks the sender (the app's own
 * top frame), validates the payload with the channel's zod schema, and turns failures into errors
 * whose message a person can read (no stack, no internals).
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { Channel } from '../shared/ipc/index.ts';
import { UserFacingError } from './errors.ts';
import { isTrustedUrl } from './security.ts';

/** The part of an IPC event that says who sent it. */
interface SenderInfo {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * True when the message comes from the app's page: the sending frame still exists, is a top frame (no
 * iframe can call main), and shows app://faultline/ (or the dev server during development).
 */
export function isTrustedSender(event: SenderInfo, devServerUrl?: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url, devServerUrl);
}

/**
 * Main's sender check: the app's page (isTrustedSender) in one of the app's own windows. `windows`
 * gives the web contents of every window main opened; a page in any other web contents is refused.
 */
export function createSenderCheck(windows: () => readonly unknown[], devServerUrl?: string) {
  return (event: SenderInfo & { readonly sender: unknown }): boolean => windows().includes(event.sender) && isTrustedSender(event, devServerUrl);
}

export interface Route<S extends z.ZodType = z.ZodType, R = unknown> {
  channel: Channel;
  /** What the operation is, for messages: "save the model". */
  action: string;
  schema: S;
  handle(payload: z.output<S>, event: IpcMainInvokeEvent): Promise<R> | R;
}

/** Keeps each route's payload type tied to its schema. */
export function route<S extends z.ZodType, R>(r: Route<S, R>): Route {
  return r as unknown as Route;
}

interface GuardOptions {
  isTrusted(event: IpcMainInvokeEvent): boolean;
  log: Pick<Console, 'warn' | 'error'>;
}

export const REFUSED_SENDER_MESSAGE = 'the request did not come from the Faultline window, so it was refused';

function issueSummary(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is malformed';
  const where = issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
  return `${issue.message}${where}`;
}

export function guard(r: Route, { isTrusted, log }: GuardOptions) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> => {
    if (!isTrusted(event)) {
      log.warn(`Refused ${r.channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      throw new Error(REFUSED_SENDER_MESSAGE);
    }
    if (args.length > 1) throw new Error(`Faultline refused a malformed request to ${r.action}: too many arguments`);
    const parsed = r.schema.safeParse(args[0]);
    if (!parsed.success) {
      log.warn(`Invalid payload on ${r.channel}: ${issueSummary(parsed.error)}`);
      throw new Error(`Faultline refused a malformed request to ${r.action}: ${issueSummary(parsed.error)}`);
    }
    try {
      return await r.handle(parsed.data, event);
    } catch (err) {
      if (err instanceof UserFacingError) {
        log.warn(`${r.channel}: ${err.message}`);
        throw new Error(err.message);
      }
      log.error(`${r.channel} failed`, err);
      throw new Error(`an unexpected error stopped Faultline from trying to ${r.action}; the details are in the log`);
    }
  };
}

interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export function registerRoutes(ipcMain: IpcMainLike, routes: readonly Route[], options: GuardOptions): void {
  const seen = new Set<string>();
  for (const r of routes) {
    if (seen.has(r.channel)) throw new Error(`Two IPC routes for ${r.channel}`);
    seen.add(r.channel);
    ipcMain.handle(r.channel, guard(r, options));
  }
}
