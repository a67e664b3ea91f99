import type { ErrorObject } from 'ajv/dist/2020.js';
import { childPointer, comparePointers } from './json-pointer.js';

/** One thing wrong with a filing's content, at one field. */
export interface ContentProblem {
  /** JSON Pointer of the field; for a missing one, the path it would have. */
  path: string;
  message: string;
}

/** Enough to fix a form; a hostile document cannot make the answer grow past it. */
export const MAX_CONTENT_PROBLEMS = 200;

function pathOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return childPointer(error.instancePath, String(params.missingProperty));
    case 'additionalProperties':
      return childPointer(error.instancePath, String(params.additionalProperty));
    case 'unevaluatedProperties':
      return childPointer(error.instancePath, String(params.unevaluatedProperty));
    default:
      return error.instancePath;
  }
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not a field of this template';
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).slice(0, 20).map((value) => JSON.stringify(value));
      return `must be one of ${allowed.join(', ')}`;
    }
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/** One problem per field (the first the validator found there), in document order, at most MAX_CONTENT_PROBLEMS. */
export function contentProblems(errors: readonly ErrorObject[] | null | undefined): ContentProblem[] {
  const byPath = new Map<string, string>();
  for (const error of errors ?? []) {
    // "must match the then schema": the failures inside `then` (or `else`) say which field, and are reported.
    if (error.keyword === 'if') continue;
    const path = pathOf(error);
    if (!byPath.has(path)) byPath.set(path, messageOf(error));
  }
  return [...byPath]
    .map(([path, message]) => ({ path, message }))
    .sort((a, b) => comparePointers(a.path, b.path))
    .slice(0, MAX_CONTENT_PROBLEMS);
}
