import { describe, expect, it } from '@jest/globals';
import { ContentValidators } from './content-validators.js';
import { comparePointers, isAtOrBelow } from './json-pointer.js';
import { describesField, requiredFields } from './schema-fields.js';
import { seedTemplates } from './seed/template-seed.js';
import { contractProblems, DRAFT_2020_12, schemaProblems } from './template-checks.js';

const SCHEMA = {
  $schema: DRAFT_2020_12,
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'risks', 'humanOversight'],
  properties: {
    summary: { type: 'string', minLength: 1, maxLength: 20 },
    risks: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'severity'],
        properties: {
          category: { type: 'string', maxLength: 50 },
          severity: { type: 'string', enum: ['MINOR', 'MAJOR'] },
        },
      },
    },
    humanOversight: {
      type: 'object',
      additionalProperties: false,
      required: ['description'],
      properties: { description: { type: 'string', maxLength: 100 }, canOverride: { type: 'boolean' } },
    },
  },
};

const template = {
  key: 'test-template',
  version: 1,
  schema: SCHEMA,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  confidentialFields: ['/risks/*/category', '/humanOversight'],
};

describe('draft and submission problems', () => {
  const validators = new ContentValidators();

  it('lets a draft be incomplete, but not wrong', () => {
    expect(validators.draftProblems(template, {})).toEqual([]);
    expect(validators.draftProblems(template, { risks: [], summary: '' })).toEqual([]);
    expect(validators.draftProblems(template, { risks: [{}], humanOversight: {} })).toEqual([]);
    expect(
      validators.draftProblems(template, {
        summary: 'x'.repeat(21),
        extra: 1,
        risks: [{ severity: 'HUGE', category: 7 }, {}, {}, {}],
        humanOversight: { canOverride: 'yes' },
      }),
    ).toEqual([
      { path: '/extra', message: 'is not a field of this template' },
      { path: '/humanOversight/canOverride', message: 'must be boolean' },
      { path: '/risks', message: 'must NOT have more than 3 items' },
      { path: '/risks/0/category', message: 'must be string' },
      { path: '/risks/0/severity', message: 'must be one of "MINOR", "MAJOR"' },
      { path: '/summary', message: 'must NOT have more than 20 characters' },
    ]);
  });

  it('asks a submission for everything, naming each missing field by its own path', () => {
    expect(validators.submissionProblems(template, { risks: [{ category: 'bias' }], humanOversight: {} })).toEqual([
      { path: '/humanOversight/description', message: 'is required' },
      { path: '/risks/0/severity', message: 'is required' },
      { path: '/summary', message: 'is required' },
    ]);
    expect(
      validators.submissionProblems(template, { summary: '', risks: [], humanOversight: { description: 'd' } }),
    ).toEqual([
      { path: '/risks', message: 'must NOT have fewer than 1 items' },
      { path: '/summary', message: 'must NOT have fewer than 1 characters' },
    ]);
    const complete = {
      summary: 's',
      risks: [{ category: 'bias', severity: 'MINOR' }],
      humanOversight: { description: 'd' },
    };
    expect(validators.submissionProblems(template, complete)).toEqual([]);
  });

  it('refuses content that is not an object at the root, and escapes odd field names', () => {
    expect(validators.submissionProblems(template, [])).toEqual([{ path: '', message: 'must be object' }]);
    expect(validators.draftProblems(template, { 'a/b~c': 1 })).toEqual([
      { path: '/a~1b~0c', message: 'is not a field of this template' },
    ]);
  });

  it('caps the problems and orders indexes as numbers', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    expect(validators.draftProblems(template, many)).toHaveLength(200);
    expect(['/risks/10', '/risks/2', '/risks', '/a'].sort(comparePointers)).toEqual([
      '/a',
      '/risks',
      '/risks/2',
      '/risks/10',
    ]);
  });

  it('compiles a version again once it is published anew (its publication time changes)', () => {
    const narrower = { ...SCHEMA, properties: { ...SCHEMA.properties, summary: { type: 'string', maxLength: 2 } } };
    const republished = { ...template, schema: narrower, publishedAt: new Date('2026-02-01T00:00:00Z') };
    expect(validators.draftProblems(template, { summary: 'abc' })).toEqual([]);
    expect(validators.draftProblems(republished, { summary: 'abc' })).toHaveLength(1);
  });
});

describe('required and confidential fields', () => {
  it('derives the required fields as JSON Pointers, nested and in arrays', () => {
    expect(requiredFields(SCHEMA)).toEqual([
      '/summary',
      '/risks',
      '/risks/*/category',
      '/risks/*/severity',
      '/humanOversight',
      '/humanOversight/description',
    ]);
  });

  it('follows local references and allOf, and ends on recursive ones', () => {
    const schema = {
      $defs: {
        node: {
          type: 'object',
          required: ['name'],
          properties: { name: {}, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
      type: 'object',
      allOf: [{ required: ['root'] }],
      properties: { root: { $ref: '#/$defs/node' } },
    };
    // The children are nodes again: a schema already being walked is not entered twice.
    expect(requiredFields(schema)).toEqual(['/root', '/root/name']);
  });

  it('allows marking confidential a listed field or anything below it, any item of a * segment', () => {
    const allowed = (path: string) => template.confidentialFields.some((field) => isAtOrBelow(path, field));
    expect(allowed('/humanOversight')).toBe(true);
    expect(allowed('/humanOversight/description')).toBe(true);
    expect(allowed('/risks/3/category')).toBe(true);
    expect(allowed('/risks/3')).toBe(false);
    expect(allowed('/risks/x/category')).toBe(false);
    expect(allowed('/risks')).toBe(false);
    expect(allowed('/summary')).toBe(false);
    expect(allowed('')).toBe(false);
    expect(allowed('humanOversight')).toBe(false);
  });

  it('knows which pointers name a field of the schema', () => {
    expect(describesField(SCHEMA, '/risks/*/severity')).toBe(true);
    expect(describesField(SCHEMA, '/risks/0')).toBe(true);
    expect(describesField(SCHEMA, '/humanOversight/canOverride')).toBe(true);
    expect(describesField(SCHEMA, '/humanOversight/nothing')).toBe(false);
    expect(describesField(SCHEMA, '/risks/category')).toBe(false);
    expect(describesField(SCHEMA, '')).toBe(false);
  });
});

describe('what a published schema must be', () => {
  it('accepts the seeds', () => {
    const seeds = seedTemplates();
    expect(seeds.map((seed) => `${seed.key}@${seed.version} ${seed.kind}`)).toEqual([
      'unctad-impact-assessment@1 IMPACT_ASSESSMENT',
      'unctad-transparency-report@1 TRANSPARENCY_REPORT',
      'oecd-haip-reporting-framework@1 HAIP_REPORT',
    ]);
    expect(seeds[0].requiredFields).toContain('/stakeholderGroups/*/consulted');
    expect(seeds[0].requiredFields).toContain('/humanOversight/description');
    expect(seeds[2].sections).toHaveLength(7);
  });

  it('refuses what is not a bounded draft 2020-12 object schema without regular expressions', () => {
    expect(schemaProblems({ ...SCHEMA, $schema: 'http://json-schema.org/draft-07/schema#' })).toEqual([
      `must declare "$schema": "${DRAFT_2020_12}"`,
    ]);
    expect(schemaProblems({ $schema: DRAFT_2020_12, type: 'array', items: {}, maxItems: 1 })[0]).toMatch(/object/);
    const unbounded = {
      ...SCHEMA,
      properties: {
        summary: { type: 'string', pattern: '^(a+)+$' },
        list: { type: 'array', items: { type: 'integer' } },
      },
    };
    expect(schemaProblems(unbounded)).toEqual([
      'at "/properties/summary" uses pattern: regular expressions are not accepted in templates',
      'at "/properties/summary" is a string without maxLength (at most 100000)',
      'at "/properties/list" is an array without maxItems (at most 10000)',
    ]);
    expect(
      schemaProblems({ ...SCHEMA, properties: { ...SCHEMA.properties, summary: { type: 'strong', maxLength: 2 } } })[0],
    ).toMatch(/^does not compile/);
    expect(
      schemaProblems({
        ...SCHEMA,
        properties: { ...SCHEMA.properties, summary: { type: 'string', maxLength: 2, colour: 'red' } },
      })[0],
    ).toMatch(/unknown keyword/);
    let deep: Record<string, unknown> = { type: 'string', maxLength: 1 };
    for (let i = 0; i < 40; i++) deep = { type: 'object', properties: { x: deep } };
    expect(schemaProblems({ ...SCHEMA, properties: { summary: deep } })).toEqual(['nests more than 32 levels deep']);
    expect(schemaProblems({ ...SCHEMA, description: 'x'.repeat(70_000) })[0]).toMatch(/more than 65536/);
  });

  it('matches sections to the top-level properties, and confidential fields to the schema', () => {
    const sections = [
      { key: 'summary', title: 'Summary', order: 1 },
      { key: 'risks', title: 'Risks', order: 2 },
      { key: 'humanOversight', title: 'Oversight', order: 3 },
    ];
    expect(contractProblems({ sections, schema: SCHEMA, confidentialFields: ['/risks/*/severity'] })).toEqual([]);
    expect(
      contractProblems({
        sections: [...sections.slice(1), { key: 'other', title: 'Other', order: 3 }],
        schema: SCHEMA,
        confidentialFields: ['/nowhere', 'risks'],
      }),
    ).toEqual([
      { field: 'input.sections', message: 'must not repeat an order' },
      { field: 'input.sections', message: 'has "other", which is not a property of the schema' },
      { field: 'input.sections', message: 'has no section for the property "summary"' },
      { field: 'input.confidentialFields', message: '"/nowhere" names no field of the schema' },
      { field: 'input.confidentialFields', message: '"risks" is not a JSON Pointer to a field (such as /risks)' },
    ]);
  });
});
