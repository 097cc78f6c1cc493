/**
 * The system clipboard, with an in-memory copy as fallback: copy and paste work between models and
 * windows where the system clipboard is allowed, and inside the app everywhere.
 */
let memory: string | null = null;

export function rememberClip(text: string): void {
  memory = text;
}

export function memoryClip(): string | null {
  return memory;
}

/** Writes the system clipboard when allowed; never throws. */
export async function writeSystemClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // Not allowed here (no focus, no permission): the in-memory copy still pastes.
  }
}

/** Reads the system clipboard when allowed within a short time; null otherwise. */
export async function readSystemClipboard(timeoutMs = 400): Promise<string | null> {
  if (!navigator.clipboard?.readText) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const read = navigator.clipboard.readText().catch(() => null);
  return Promise.race([read, timeout]);
}
