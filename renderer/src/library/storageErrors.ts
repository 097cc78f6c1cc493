/** Storage failures in words a user can act on. Work stays open in memory whatever happens here. */

type StorageProblem = 'quota' | 'blocked' | 'newer-database' | 'unavailable' | 'unknown';

interface StorageError {
  problem: StorageProblem;
  message: string;
}

const KEPT = 'Your work stays open and is saved as soon as storage works again; File → Save writes it to a file now.';

export function describeStorageError(e: unknown): StorageError {
  const name = (e as { name?: string })?.name ?? '';
  const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
  const names = `${name} ${inner}`;
  if (/QuotaExceeded/i.test(names)) {
    return { problem: 'quota', message: `Not saved: the disk or the storage quota is full. Free some space or delete old models. ${KEPT}` };
  }
  if (/Blocked|VersionChange/i.test(names)) {
    return {
      problem: 'blocked',
      message: `Not saved: Faultline is open in another window that holds the library. Close the other window. ${KEPT}`,
    };
  }
  if (/VersionError/i.test(names)) {
    return {
      problem: 'newer-database',
      message: `Not saved: the library was created by a newer Faultline. Update the app. ${KEPT}`,
    };
  }
  if (/MissingAPI|InvalidState|DatabaseClosed|OpenFailed/i.test(names)) {
    return { problem: 'unavailable', message: `Not saved: local storage is not available. ${KEPT}` };
  }
  return { problem: 'unknown', message: `Not saved: ${(e as Error)?.message ?? String(e)}. ${KEPT}` };
}
