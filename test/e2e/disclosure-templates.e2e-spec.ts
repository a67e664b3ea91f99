import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Role } from '../../src/common/access/role.js';
import { registerCompany } from '../fixtures/companies.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql, type VariablesOf } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let admin: SignedInUser;
let filer: SignedInUser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signUp('template-admin@example.org', [Role.ADMIN]);
  filer = await t.signUp('template-filer@example.org', [Role.FILER]);
});
afterAll(() => t.close());

const TEMPLATES = graphql(`
  query ($key: String) {
    disclosureTemplates(key: $key) {
      key
      version
      kind
      name
      issuingBody
      description
      sourceUrl
      sections {
        key
        title
        order
        description
      }
      schema
      requiredFields
      confidentialFields
      publishedAt
      inUse
    }
  }
`);

const TEMPLATE = graphql(`
  query ($key: String!, $version: Int) {
    disclosureTemplate(key: $key, version: $version) {
      key
      version
      name
      schema
      requiredFields
      confidentialFields
      publishedAt
      inUse
    }
  }
`);

const PUBLISH = graphql(`
  mutation ($input: PublishDisclosureTemplateInput!) {
    publishDisclosureTemplate(input: $input) {
      key
      version
      kind
      sections {
        key
        order
      }
      requiredFields
      confidentialFields
      publishedAt
      inUse
    }
  }
`);

type PublishInput = VariablesOf<typeof PUBLISH>['input'];

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** A national regime, as an admin would publish it. */
function registration(overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    key: 'ken-ai-registration',
    version: 1,
    kind: 'NATIONAL_REGISTRATION',
    name: 'AI system registration',
    issuingBody: 'A national regulator',
    description: 'A registration of high-risk AI systems; fields are the regulator’s.',
    sourceUrl: 'https://example.org/ai-registration',
    sections: [
      { key: 'system', title: 'The system', order: 1 },
      { key: 'contact', title: 'Contact', order: 2, description: 'Whom to ask.' },
    ],
    schema: {
      $schema: DRAFT_2020_12,
      type: 'object',
      additionalProperties: false,
      required: ['system'],
      properties: {
        system: {
          type: 'object',
          additionalProperties: false,
          required: ['purpose'],
          properties: {
            purpose: { type: 'string', minLength: 1, maxLength: 2000 },
            modelWeights: { type: 'string', maxLength: 200 },
          },
        },
        contact: { type: 'string', format: 'email', maxLength: 254 },
      },
    },
    confidentialFields: ['/system/modelWeights'],
    ...overrides,
  };
}

async function events(entityId: string) {
  return t.sql<{ action: string; actor_user_id: string; before: unknown; after: { version: number } }>(
    `SELECT action, actor_user_id, before, after FROM audit_event
     WHERE entity_type = 'disclosure_template' AND entity_id = $1 ORDER BY id`,
    [entityId],
  );
}

const publish = (input: PublishInput, token = admin.token) => t.gql(PUBLISH, { input }, { token });

describe('the seeded templates', () => {
  it('are there, with schemas that compile under draft 2020-12, sections that match them, and derived fields', async () => {
    const { data, errors } = await t.gql(TEMPLATES, {});
    expect(errors).toBeUndefined();
    const templates = data!.disclosureTemplates;
    expect(templates.map((each) => [each.key, each.version, each.kind])).toEqual([
      ['oecd-haip-reporting-framework', 1, 'HAIP_REPORT'],
      ['unctad-impact-assessment', 1, 'IMPACT_ASSESSMENT'],
      ['unctad-transparency-report', 1, 'TRANSPARENCY_REPORT'],
    ]);
    for (const template of templates) {
      const ajv = new Ajv2020({ strict: true });
      addFormats.default(ajv);
      expect(() => ajv.compile(template.schema)).not.toThrow();
      expect(template.schema.$schema).toBe(DRAFT_2020_12);
      // jsonb keeps no key order: the sections give the reading order.
      expect(template.sections.map((section) => section.key).sort()).toEqual(
        Object.keys(template.schema.properties as object).sort(),
      );
      expect(template.sections.map((section) => section.order)).toEqual(template.sections.map((_, i) => i + 1));
      expect(template.sourceUrl).toMatch(/^https:\/\//);
      expect(template.requiredFields.length).toBeGreaterThan(3);
      expect(template.confidentialFields.length).toBeGreaterThan(0);
      expect(template.inUse).toBe(false);
    }
    const haip = templates[0];
    expect(haip.sections.map((section) => section.title)).toEqual([
      'Risk identification and evaluation',
      'Risk management and information security',
      'Transparency reporting on advanced AI systems',
      'Organisational governance, incident management and transparency',
      'Content authentication and provenance',
      'Research and investment to advance AI safety and mitigate societal risks',
      'Advancing human and global interests',
    ]);
    const impact = templates[1];
    expect(impact.requiredFields).toEqual(
      expect.arrayContaining(['/stakeholderGroups/*/vulnerable', '/risks/*/severity', '/humanOversight/description']),
    );
    expect(impact.schema).toMatchObject({
      properties: {
        lifecycleStages: {
          items: { enum: ['DESIGN', 'DATA', 'DEVELOPMENT', 'VALIDATION', 'DEPLOYMENT', 'MONITORING', 'RETIREMENT'] },
        },
      },
    });
  });

  it('are looked up one at a time, the latest by default, null when unknown', async () => {
    const { data } = await t.gql(TEMPLATE, { key: 'unctad-transparency-report' });
    expect(data!.disclosureTemplate).toMatchObject({ key: 'unctad-transparency-report', version: 1 });
    expect(data!.disclosureTemplate!.confidentialFields).toContain('/trainingData/sources');
    const missing = await t.gql(TEMPLATE, { key: 'unctad-transparency-report', version: 9 });
    expect(missing.data!.disclosureTemplate).toBeNull();
    const bad = await t.gql(TEMPLATE, { key: 'Not A Key' });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
  });

  it('are not seeded twice: a restart leaves them as they are', async () => {
    const [{ count }] = await t.sql<{ count: number }>(`SELECT count(*)::int AS count FROM disclosure_template`);
    expect(count).toBe(3);
  });
});

describe('publishing', () => {
  it('is for admins only', async () => {
    const byFiler = await publish(registration(), filer.token);
    expect(byFiler.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(PUBLISH, { input: registration() });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await t.sql(`SELECT 1 FROM disclosure_template WHERE key = 'ken-ai-registration'`)).toEqual([]);
  });

  it('publishes a new key at version 1, with its required fields derived, and one audit event', async () => {
    const { data, errors } = await publish(registration());
    expect(errors).toBeUndefined();
    expect(data!.publishDisclosureTemplate).toMatchObject({
      key: 'ken-ai-registration',
      version: 1,
      kind: 'NATIONAL_REGISTRATION',
      requiredFields: ['/system', '/system/purpose'],
      confidentialFields: ['/system/modelWeights'],
      inUse: false,
    });
    const stored = await events('ken-ai-registration@1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ action: 'disclosure_template.publish', actor_user_id: admin.id, before: null });
  });

  it('publishes the next version of a seeded template, and refuses to skip one', async () => {
    const { data: seeded } = await t.gql(TEMPLATES, { key: 'unctad-impact-assessment' });
    const v1 = seeded!.disclosureTemplates[0];
    const input: PublishInput = {
      key: v1.key,
      version: 2,
      kind: v1.kind,
      name: v1.name,
      issuingBody: v1.issuingBody,
      description: `${v1.description} Version 2 adds a reporting contact.`,
      sourceUrl: v1.sourceUrl,
      sections: [...v1.sections, { key: 'contact', title: 'Contact', order: 6, description: null }],
      schema: {
        ...v1.schema,
        properties: {
          ...(v1.schema.properties as object),
          contact: { type: 'string', format: 'email', maxLength: 254 },
        },
      },
      confidentialFields: v1.confidentialFields,
    };
    const skipped = await publish({ ...input, version: 3 });
    expect(skipped.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.version' });
    expect(skipped.errors![0].message).toMatch(/must be 2/);

    const { data, errors } = await publish(input);
    expect(errors).toBeUndefined();
    expect(data!.publishDisclosureTemplate).toMatchObject({ key: 'unctad-impact-assessment', version: 2 });
    const latest = await t.gql(TEMPLATE, { key: 'unctad-impact-assessment' });
    expect(latest.data!.disclosureTemplate!.version).toBe(2);
    const first = await t.gql(TEMPLATE, { key: 'unctad-impact-assessment', version: 1 });
    expect(first.data!.disclosureTemplate!.schema).toEqual(v1.schema);
    expect(await events('unctad-impact-assessment@2')).toHaveLength(1);
  });

  it('lets one of two concurrent publishers of the same new version win; the other gets CONFLICT', async () => {
    const [first, second] = await Promise.all([
      publish(registration({ key: 'race-registration', name: 'First' })),
      publish(registration({ key: 'race-registration', name: 'Second' })),
    ]);
    const outcomes = [first, second].map((answer) => answer.errors?.[0].extensions?.code ?? 'ok').sort();
    // The loser either collided on the key (CONFLICT) or came second and replaced the unused version.
    expect([
      ['CONFLICT', 'ok'],
      ['ok', 'ok'],
    ]).toContainEqual(outcomes);
    const stored = await t.sql(`SELECT version FROM disclosure_template WHERE key = 'race-registration'`);
    expect(stored).toEqual([{ version: 1 }]);
    const recorded = await events('race-registration@1');
    expect(recorded.map((event) => event.action)).toEqual(
      outcomes[0] === 'CONFLICT'
        ? ['disclosure_template.publish']
        : ['disclosure_template.publish', 'disclosure_template.replace'],
    );
  });

  it('refuses a bad schema with BAD_USER_INPUT naming input.schema, and stores nothing', async () => {
    const before = await t.sql(`SELECT count(*)::int AS count FROM audit_event`);
    const cases: PublishInput['schema'][] = [
      { ...registration().schema, $schema: 'http://json-schema.org/draft-07/schema#' },
      { ...registration().schema, properties: { system: { type: 'strng' }, contact: { type: 'boolean' } } },
      {
        ...registration().schema,
        properties: { system: { type: 'string', maxLength: 9, pattern: '^(a+)+$' }, contact: { type: 'boolean' } },
      },
      { ...registration().schema, properties: { system: { type: 'string' }, contact: { type: 'boolean' } } },
      { $schema: DRAFT_2020_12, type: 'string', maxLength: 3 },
      { ...registration().schema, properties: { system: { $ref: 'https://example.org/s.json' }, contact: {} } },
    ];
    for (const schema of cases) {
      const { errors } = await publish(registration({ key: 'bad-schema', schema }));
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.schema' });
    }
    // Hostile sizes: refused before anything walks or compiles them (the deepest by the HTTP layer already).
    const nested = (levels: number) => {
      let schema: Record<string, unknown> = { type: 'string', maxLength: 1 };
      for (let i = 0; i < levels; i++) schema = { type: 'object', properties: { x: schema } };
      return { ...registration().schema, properties: { system: schema, contact: { type: 'boolean' } } };
    };
    const huge = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [`p${i}`, { type: 'string', maxLength: 10, description: 'x'.repeat(40) }]),
    );
    const tooLarge = { ...registration().schema, properties: { ...huge, system: { type: 'boolean' } } };
    for (const schema of [nested(40), tooLarge]) {
      const { errors } = await publish(registration({ key: 'bad-schema', schema }));
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.schema' });
      expect(errors![0].message).toMatch(/levels deep|bytes long/);
    }
    const deepest = await publish(registration({ key: 'bad-schema', schema: nested(3000) }));
    expect(deepest.status).toBe(400);
    const mismatched = await publish(
      registration({ key: 'bad-schema', sections: [{ key: 'system', title: 'The system', order: 1 }] }),
    );
    expect(mismatched.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sections' });
    const nowhere = await publish(registration({ key: 'bad-schema', confidentialFields: ['/system/secret'] }));
    expect(nowhere.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confidentialFields' });
    expect(await t.sql(`SELECT 1 FROM disclosure_template WHERE key = 'bad-schema'`)).toEqual([]);
    expect(await t.sql(`SELECT count(*)::int AS count FROM audit_event`)).toEqual(before);
  });

  it('replaces a version no filing uses; the same content again changes and records nothing', async () => {
    const wider = registration({ name: 'AI system registration (revised)', confidentialFields: [] });
    const { data, errors } = await publish(wider);
    expect(errors).toBeUndefined();
    expect(data!.publishDisclosureTemplate).toMatchObject({ version: 1, confidentialFields: [] });
    const [stored] = await t.sql(`SELECT name FROM disclosure_template WHERE key = 'ken-ai-registration'`);
    expect(stored.name).toBe('AI system registration (revised)');
    const replaced = await events('ken-ai-registration@1');
    expect(replaced.map((event) => event.action)).toEqual([
      'disclosure_template.publish',
      'disclosure_template.replace',
    ]);

    const again = await publish(wider);
    expect(again.data!.publishDisclosureTemplate.publishedAt).toBe(data!.publishDisclosureTemplate.publishedAt);
    expect(await events('ken-ai-registration@1')).toHaveLength(2);
  });

  it('never changes a version a filing uses: CONFLICT naming input.version, and the database refuses too', async () => {
    const companyId = await registerCompany(t, filer, { name: 'Template User Ltd' });
    const [system] = await t.sql<{ id: string }>(
      `INSERT INTO ai_system (company_id, name, purpose, risk_level, organization_role, lifecycle_stage)
       VALUES ($1, 'Screening model', 'Screens applications', 'HIGH', 'DEPLOYER', 'DEPLOYMENT') RETURNING id`,
      [companyId],
    );
    await t.sql(
      `INSERT INTO disclosure (company_id, ai_system_id, template_key, template_version, kind, reporting_period, status,
                               content, confidential)
       VALUES ($1, $2, 'ken-ai-registration', 1, 'NATIONAL_REGISTRATION', '2026', 'DRAFT', '{}', '[]')`,
      [companyId, system.id],
    );
    const { data } = await t.gql(TEMPLATE, { key: 'ken-ai-registration', version: 1 });
    expect(data!.disclosureTemplate!.inUse).toBe(true);

    const changed = await publish(registration({ name: 'Changed after use' }));
    expect(changed.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    expect(changed.errors![0].message).toMatch(/publish version 2/);
    await expect(
      t.sql(`UPDATE disclosure_template SET name = 'x' WHERE key = 'ken-ai-registration' AND version = 1`),
    ).rejects.toThrow(/used by a filing/);
    await expect(
      t.sql(`DELETE FROM disclosure_template WHERE key = 'ken-ai-registration' AND version = 1`),
    ).rejects.toThrow(/used by a filing/);
    const [stored] = await t.sql(`SELECT name FROM disclosure_template WHERE key = 'ken-ai-registration'`);
    expect(stored.name).toBe('AI system registration (revised)');
    expect(await events('ken-ai-registration@1')).toHaveLength(2);

    const next = await publish(registration({ version: 2, name: 'Changed after use' }));
    expect(next.errors).toBeUndefined();
    expect(next.data!.publishDisclosureTemplate).toMatchObject({ version: 2, inUse: false });
  });
});
