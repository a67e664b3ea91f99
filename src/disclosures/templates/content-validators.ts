import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { LRUCache } from 'lru-cache';
import { contentProblems, type ContentProblem } from './content-problems.js';
import { withoutKeywords, type Schema } from './schema-walk.js';

/** What a draft may still lack: the keywords that ask for presence or amount, not for shape. */
export const COMPLETENESS_KEYWORDS: ReadonlySet<string> = new Set([
  'required',
  'minItems',
  'minLength',
  'minProperties',
  'dependentRequired',
]);

/** Versions whose validators are kept: enough for every live regime, bounded whatever number is published. */
const CACHED_TEMPLATES = 128;

const OPTIONS: Options = {
  strict: true,
  allErrors: true,
  // A template is compiled on its own: its `$id`s never meet another template's, nothing is fetched.
  addUsedSchema: false,
  // Content comes from JSON: "__proto__" or "constructor" are fields like any other.
  ownProperties: true,
  code: { source: false },
};

/** A new validator for one schema, under Ajv's strict mode; throws (Ajv's message) when the schema is wrong. */
export function compileSchema(schema: Schema, options: Options = {}): ValidateFunction {
  const ajv = new Ajv2020({ ...OPTIONS, ...options });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** The two validators of a version, each compiled when first needed. */
interface CompiledTemplate {
  submission?: ValidateFunction;
  draft?: ValidateFunction;
}

/**
 * Stored schemas were checked against the meta-schema when they were published; compiling the meta-schema again
 * for each version would cost tens of milliseconds.
 */
const STORED: Options = { validateSchema: false };

export interface ValidatedTemplate {
  key: string;
  version: number;
  schema: unknown;
  /** Part of the cache key: an unused version that is published again gets a new time, and so a new validator. */
  publishedAt: Date | string;
}

/** Compiled validators per template version, the most recently used kept. */
export class ContentValidators {
  private readonly compiled = new LRUCache<string, CompiledTemplate>({ max: CACHED_TEMPLATES });

  draftProblems(template: ValidatedTemplate, content: unknown): ContentProblem[] {
    const compiled = this.of(template);
    // Without `minItems`, a tuple schema is no longer "strict" in Ajv's sense; it was checked whole at publication.
    compiled.draft ??= compileSchema(withoutKeywords(template.schema as Schema, COMPLETENESS_KEYWORDS), {
      ...STORED,
      strictTuples: false,
    });
    return this.run(compiled.draft, content);
  }

  submissionProblems(template: ValidatedTemplate, content: unknown): ContentProblem[] {
    const compiled = this.of(template);
    compiled.submission ??= compileSchema(template.schema as Schema, STORED);
    return this.run(compiled.submission, content);
  }

  private run(validate: ValidateFunction, content: unknown): ContentProblem[] {
    return validate(content) ? [] : contentProblems(validate.errors);
  }

  private of(template: ValidatedTemplate): CompiledTemplate {
    const cacheKey = `${template.key}@${template.version}@${new Date(template.publishedAt).getTime()}`;
    let compiled = this.compiled.get(cacheKey);
    if (!compiled) this.compiled.set(cacheKey, (compiled = {}));
    return compiled;
  }
}
