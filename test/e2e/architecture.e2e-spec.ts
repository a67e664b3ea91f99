import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { projectFile } from '../../src/common/project-file.js';

// The project's own ESLint configuration, with one allowance: probe files that exist only in memory.
const eslint = new ESLint({
  cwd: projectFile(''),
  overrideConfig: {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['src/*/lint-probe*.ts'] } } },
  },
});

/** The rules a file at `file` with `code` breaks, as "rule: message". */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: projectFile(file) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layers (ARCHITECTURE.md), enforced by npm run lint', () => {
  it('refuses an import up the layers', async () => {
    expect(
      await problems(
        'src/countries/lint-probe.ts',
        `import { CompaniesService } from '../companies/companies.service.js';\nexport const probe = CompaniesService;\n`,
      ),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*layers of ARCHITECTURE.md/)]);
  });

  it('refuses an import sideways between features of one layer', async () => {
    expect(
      await problems(
        'src/auth/lint-probe.ts',
        `import { CountriesService } from '../countries/countries.service.js';\nexport const probe = CountriesService;\n`,
      ),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: /)]);
  });

  it('lets a feature import the layers below it', async () => {
    expect(
      await problems(
        'src/companies/lint-probe.ts',
        `import { CountriesService } from '../countries/countries.service.js';\nimport { Database } from '../database/database.js';\nexport const probe = [CountriesService, Database];\n`,
      ),
    ).toEqual([]);
  });
});

describe('SQL lives in repositories and src/database/', () => {
  it('refuses SQL text and queries in a service', async () => {
    const found = await problems(
      'src/companies/lint-probe.service.ts',
      `import type { Database } from '../database/database.js';\n` +
        `export const probe = (db: Database) => db.reads.rows(\`SELECT * FROM company WHERE id = $1\`, ['x']);\n`,
    );
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-syntax: queries run in repositories/),
      expect.stringMatching(/^no-restricted-syntax: SQL belongs in a repository/),
    ]);
  });

  it('accepts them in a repository', async () => {
    expect(
      await problems(
        'src/companies/lint-probe.repository.ts',
        `import type { Database } from '../database/database.js';\n` +
          `export const probe = (db: Database) => db.reads.rows<{ id: string }>(\`SELECT id FROM company\`);\n`,
      ),
    ).toEqual([]);
  });
});
