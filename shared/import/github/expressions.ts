/**
 * The parts of GitHub Actions expressions the importer reads: which secrets a value names, whether it names the
 * job's own token, and how a secret's name hints at what it is. Contexts are case-insensitive in GitHub
 * (`SECRETS.X` is `secrets.X`); secret names are too, so names are compared in upper case.
 */
import type { Json } from '../parse.ts';

const SECRET_REF = /\bsecrets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/gi;

/** The token every job gets: an identity, not a repository secret. */
const TOKEN_NAME = 'GITHUB_TOKEN';

/** Names of the secrets `text` refers to, in upper case, without GITHUB_TOKEN. */
export function secretRefs(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(SECRET_REF)) {
    const name = (m[1] ?? m[2] ?? '').toUpperCase();
    if (name && name !== TOKEN_NAME) out.add(name);
  }
  return [...out];
}

/** Every secret named anywhere in a value (a job, a step, an env block). */
export function secretRefsIn(value: Json | undefined): string[] {
  if (value === undefined || value === null) return [];
  return secretRefs(typeof value === 'string' ? value : JSON.stringify(value));
}

/** True when a value names the job's token: `secrets.GITHUB_TOKEN` or `github.token`. */
export function namesToken(text: string): boolean {
  return /\bsecrets\s*\.\s*github_token\b/i.test(text) || /\bgithub\s*\.\s*token\b/i.test(text);
}

const linePatterns = new Map<string, RegExp>();

/** A pattern matching a line that names secret `name` (any case, dot or bracket form). */
export function secretLinePattern(name: string): RegExp {
  let p = linePatterns.get(name);
  if (!p) {
    const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    p = new RegExp(`secrets\\s*(?:\\.\\s*${n}\\b|\\[\\s*['"]${n}['"])`, 'i');
    linePatterns.set(name, p);
  }
  return p;
}

/** A ref pinned to a full 40-hex commit SHA: the only ref that cannot be moved under the workflow. */
export const isFullSha = (ref: string): boolean => /^[0-9a-f]{40}$/i.test(ref);
