import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ApiKey } from '../../src/auth/api-key.entity.js';
import { User } from '../../src/auth/user.entity.js';
import { Company } from '../../src/companies/company.entity.js';
import { projectFile } from '../../src/common/project-file.js';
import { Database } from '../../src/database/database.js';
import { schemaDrift } from '../../src/database/schema-drift.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Every `*.entity.ts` under src/, as paths relative to src/. */
function entityFiles(dir = projectFile('src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entityFiles(full);
    return entry.name.endsWith('.entity.ts') ? [path.relative(projectFile('src'), full)] : [];
  });
}

describe('entities and migrations', () => {
  it('agree: the schema the migrations built is what the entities declare', async () => {
    const drift = await schemaDrift(t.app.get(DataSource));
    expect(drift.up.map((statement) => statement.query)).toEqual([]);
  });

  it('registers every entity file with its module, so TypeORM knows each one', () => {
    const registered = new Set(
      t.app
        .get(DataSource)
        .entityMetadatas.map((metadata) => metadata.target)
        .filter((target): target is (...args: never[]) => unknown => typeof target === 'function')
        .map((target) => target.name),
    );
    const files = entityFiles();
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(t.app.get(DataSource).getRepository(Company).metadata.tableName).toBe('company');
    expect(registered.size).toBe(files.length);
  });
});

describe('select lists come from the entities', () => {
  it('leaves secret columns out of every list, so no read returns them by accident', () => {
    const database = t.app.get(Database);
    expect(database.columns(User, 'u')).not.toMatch(/password/);
    expect(database.columns(ApiKey, 'k')).not.toMatch(/secret/);
    expect(database.columns(ApiKey, 'k')).toContain('k."user_id" AS "userId"');
    expect(database.columns(Company, 't')).toContain('t."country_iso3" AS "countryIso3"');
  });
});
