import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import jsonpointer from 'jsonpointer';

/**
 * SHA-256 (hex) of the RFC 8785 (JSON Canonicalization Scheme) form of `value`: the same bytes whatever the key
 * order or number spelling of the JSON it came from, so anyone holding the content can recompute it.
 */
export function canonicalHash(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new TypeError('only JSON values can be hashed');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** A field withheld from the public: a JSON Pointer into the content and why. */
export interface Redaction {
  path: string;
  reason: string;
}

/**
 * What the public sees of a filing's content: each confidential field replaced by null (the field stays, so a
 * reader knows it exists and, from the redaction list, why it is withheld). A pointer to nothing is skipped.
 */
export function publicView(content: unknown, redactions: readonly Redaction[]): unknown {
  if (!redactions.length) return content;
  const view: unknown = structuredClone(content);
  for (const { path } of redactions) {
    if (path !== '' && jsonpointer.get(view as object, path) !== undefined) jsonpointer.set(view as object, path, null);
  }
  return view;
}
