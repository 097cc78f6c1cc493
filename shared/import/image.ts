/**
 * A container image reference as the importers read it (`docker://` steps, Kubernetes containers, compose
 * services): `[registry[:port]/]path[:tag][@digest]`. The dependency is named by the image without its digest
 * (its tag kept, as the file writes it); the edge keeps the ref it runs. Pure.
 */

export interface ImageRef {
  /** The image as named, tag included, digest left out: the dependency's label. */
  name: string;
  /** What runs: the digest when pinned, else the tag, else "latest" (what a pull without a tag takes). */
  ref: string;
  /** Pinned by a sha256 digest: the one reference that cannot be moved under the workload. */
  verified: boolean;
}

export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? null : image.slice(at + 1);
  // A tag follows the last colon after the last slash: "localhost:5000/app" has no tag.
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
  return { name, ref: digest ?? (tag || 'latest'), verified: digest !== null && /^sha256:[0-9a-f]{64}$/.test(digest) };
}
