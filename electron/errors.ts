/**
 * Errors that cross from main to the renderer. Only their message crosses (never a stack), and the
 * renderer shows it inside a sentence of its own ("Could not save: <message>. Your model is still
 * open and unchanged."), so messages say what went wrong, without a leading verb or a final period.
 */

type DesktopErrorCode =
  | 'untrusted-sender'
  | 'invalid-request'
  | 'file-read'
  | 'file-write'
  | 'file-too-large'
  | 'file-not-text'
  | 'not-a-pdf'
  | 'export-mismatch'
  | 'unexpected';

/** An error whose message is written for the person using the app. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  constructor(
    message: string,
    readonly code: DesktopErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'the file or folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'the operating system refused the operation',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'that is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENAMETOOLONG: 'the file name is too long',
  EEXIST: 'a file with that name already exists',
  EIO: 'the disk reported an input/output error',
};

/** Node's errno code of an error, if it has one. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** A short, human reason for a file-system error: "permission denied", "the disk is full". */
export function describeFsError(err: unknown): string {
  const code = errorCode(err);
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  if (code) return `the operating system reported ${code}`;
  return 'an unexpected error occurred';
}

/** Writing `target` failed: the reason, and the file it was for. */
export function writeError(err: unknown, target: string): UserFacingError {
  return new UserFacingError(`${describeFsError(err)} (${target})`, 'file-write', { cause: err });
}

const REMOTE_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

/**
 * `ipcRenderer.invoke` rejects with "Error invoking remote method 'channel': Error: <message>"; the
 * renderer only needs <message>.
 */
export function unwrapIpcErrorMessage(message: string): string {
  return message.replace(REMOTE_PREFIX, '');
}
