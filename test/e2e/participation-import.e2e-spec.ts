import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Role } from '../../src/common/access/role.js';
import { projectFile } from '../../src/common/project-file.js';
import { PARTICIPATION_COLUMNS } from '../../src/initiatives/participation-csv.js';
import type { SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let curator: SignedInUser;
let filer: SignedInUser;
let folder: string;
/** Country codes with no participation yet in the initiatives this file creates. */
let countries: string[];
beforeAll(async () => {
  t = await startTestApp({ mutationsPerMinute: 10_000 });
  curator = await t.signUp('import-curator@example.org', [Role.CURATOR]);
  filer = await t.signUp('import-filer@example.org', [Role.FILER]);
  folder = await mkdtemp(join(tmpdir(), 'participation-import-'));
  countries = (await t.sql(`SELECT iso3 FROM country ORDER BY iso3 LIMIT 120`)).map((row) => row.iso3 as string);
  for (const key of ['import_one', 'import_two', 'import_cli']) {
    const { errors } = await t.gql(
      graphql(`
        mutation ($input: CreateInitiativeInput!) {
          createInitiative(input: $input) {
            id
          }
        }
      `),
      { input: { key, name: `Imported ${key}`, kind: 'STATEMENT' } },
      { token: curator.token },
    );
    expect(errors).toBeUndefined();
  }
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await t.close();
});

const IMPORT = graphql(`
  mutation Import($csv: String!) {
    importParticipations(csv: $csv) {
      rows
      imported
      unchanged
    }
  }
`);

type Row = Partial<Record<(typeof PARTICIPATION_COLUMNS)[number], string>>;

function csvOf(rows: Row[]): string {
  return stringify(rows, { header: true, columns: [...PARTICIPATION_COLUMNS] });
}

function goodRows(initiativeKey: string, count: number): Row[] {
  return countries.slice(0, count).map((partyCode, at) => ({
    partyCode,
    initiativeKey,
    role: 'SIGNATORY',
    validFrom: `2024-0${1 + (at % 9)}-15`,
    validFromPrecision: at % 2 ? 'MONTH' : 'DAY',
    validTo: at % 3 === 0 ? '2025-06-01' : '',
    validToPrecision: at % 3 === 0 ? 'DAY' : '',
    sourceUrl: `https://example.org/evidence/${partyCode}?a=1,b=2`,
    sourceTitle: at % 4 === 0 ? `Title, with "quotes" for ${partyCode}` : '',
    sourceNote: at % 5 === 0 ? 'a note\nover two lines' : '',
  }));
}

async function lastEventId(): Promise<number> {
  const [{ max }] = await t.sql(`SELECT coalesce(max(id), 0)::int AS max FROM audit_event`);
  return max;
}

async function countOf(sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM (${sql}) x`, params);
  return n;
}

const liveRows = () => countOf(`SELECT 1 FROM participation WHERE retracted_at IS NULL`);

describe('who may import', () => {
  it('refuses anonymous callers (UNAUTHENTICATED) and filers (FORBIDDEN), importing nothing', async () => {
    const before = await liveRows();
    const csv = csvOf(goodRows('import_one', 3));
    expect((await t.gql(IMPORT, { csv })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(IMPORT, { csv }, { token: filer.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await liveRows()).toBe(before);
  });
});

describe('export then import', () => {
  it('exports the participation in force as CSV and JSON in the import format, and re-importing it is a no-op', async () => {
    const csvAnswer = await t.http().get('/exports/participation.csv').buffer(true);
    expect(csvAnswer.status).toBe(200);
    expect(csvAnswer.headers['content-type']).toMatch(/^text\/csv/);
    const exported = csvAnswer.text;
    expect(exported.split('\n')[0]).toBe(PARTICIPATION_COLUMNS.join(','));
    const records = parse(exported, { columns: true }) as Row[];
    const inForce = await countOf(
      `SELECT 1 FROM participation WHERE retracted_at IS NULL AND valid_from <= current_date
       AND (valid_to IS NULL OR current_date < valid_to)`,
    );
    expect(records.length).toBe(inForce);
    expect(records.length).toBeGreaterThan(100);

    const jsonAnswer = await t.http().get('/exports/participation.json');
    expect(jsonAnswer.status).toBe(200);
    const json = jsonAnswer.body as { asOf: string; participations: Record<string, string | null>[] };
    expect(json.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(
      json.participations.map((row) => Object.fromEntries(PARTICIPATION_COLUMNS.map((c) => [c, row[c] ?? '']))),
    ).toEqual(records);

    const since = await lastEventId();
    const before = await liveRows();
    const answer = await t.gql(IMPORT, { csv: exported }, { token: curator.token });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.importParticipations).toEqual({ rows: records.length, imported: 0, unchanged: records.length });
    expect(await liveRows()).toBe(before);
    expect(await lastEventId()).toBe(since);
  });

  it('exports on another date, and refuses a bad asOf with 400 naming it', async () => {
    const early = await t.http().get('/exports/participation.csv?asOf=2019-06-01').buffer(true);
    expect(early.status).toBe(200);
    const rows = parse(early.text, { columns: true }) as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.initiativeKey))).toEqual(new Set(['oecd_ai_2019']));
    for (const bad of ['2019-02-30', 'yesterday', '10000-01-01', '2019-06-01&asOf=2019-06-02']) {
      const answer = await t.http().get(`/exports/participation.json?asOf=${bad}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ field: 'asOf', code: 'BAD_USER_INPUT' });
    }
  });
});

describe('importing a file', () => {
  it('imports nothing when one row of 101 is bad, and names its line and column', async () => {
    const rows = goodRows('import_one', 100);
    rows.splice(56, 0, { ...rows[0], partyCode: countries[110], sourceUrl: 'ftp://example.org/x' });
    const before = await liveRows();
    const answer = await t.gql(IMPORT, { csv: csvOf(rows) }, { token: curator.token });
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The header is line 1; row 57 of the data starts on line 58, later by the notes written over two lines.
    const line = 2 + rows.slice(0, 56).reduce((lines, row) => lines + (row.sourceNote ? 2 : 1), 0);
    expect(answer.errors?.[0].extensions?.fields).toEqual([
      { field: 'csv', line, column: 'sourceUrl', message: `line ${line}, column sourceUrl: must be an http(s) URL` },
    ]);
    expect(await liveRows()).toBe(before);
  });

  it('lists every bad row: enums, dates, precisions, periods, URLs, unknown parties and initiatives, overlaps', async () => {
    const base = { ...goodRows('import_two', 1)[0], sourceNote: '' };
    const rows: Row[] = [
      { ...base, partyCode: 'ZZZ' },
      { ...base, partyCode: countries[1], initiativeKey: 'no_such_initiative' },
      { ...base, partyCode: countries[2], role: 'KING', validFromPrecision: 'WEEK' },
      { ...base, partyCode: countries[3], validFrom: '2024-02-30' },
      { ...base, partyCode: countries[4], validTo: '2024-01-01', validFrom: '2024-01-01' },
      { ...base, partyCode: countries[5], validTo: '', validToPrecision: 'DAY' },
      { ...base, partyCode: countries[6], sourceUrl: '' },
      { ...base, partyCode: countries[7], validFrom: '2024-01-01', validTo: '', validToPrecision: '' },
      { ...base, partyCode: countries[7], validFrom: '2025-01-01', validTo: '', validToPrecision: '' },
    ];
    const answer = await t.gql(IMPORT, { csv: csvOf(rows) }, { token: curator.token });
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = answer.errors?.[0].extensions?.fields as { line: number; column: string }[];
    expect(fields.map(({ line, column }) => `${line} ${column}`)).toEqual([
      '2 partyCode',
      '3 initiativeKey',
      '4 role',
      '4 validFromPrecision',
      '5 validFrom',
      '6 validTo',
      '7 validToPrecision',
      '8 sourceUrl',
      '10 validFrom',
    ]);
  });

  it('refuses NUL and unpaired surrogates in a cell, naming where they are', async () => {
    const row = { ...goodRows('import_two', 1)[0], sourceNote: '' };
    for (const bad of ['a\u0000b', 'a\ud800b']) {
      const answer = await t.gql(IMPORT, { csv: csvOf([row, { ...row, sourceTitle: bad }]) }, { token: curator.token });
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0].extensions?.field).toBe('csv');
      expect(answer.errors?.[0].message).toMatch(/line 3/);
    }
  });

  it('imports a file in one go, one audit event per row; importing it again changes nothing', async () => {
    const csv = csvOf(goodRows('import_one', 100));
    const since = await lastEventId();
    const first = await t.gql(IMPORT, { csv }, { token: curator.token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importParticipations).toEqual({ rows: 100, imported: 100, unchanged: 0 });
    const events = await t.sql(
      `SELECT action, entity_id, actor_user_id, after FROM audit_event WHERE id > $1 ORDER BY id`,
      [since],
    );
    expect(events).toHaveLength(100);
    expect(new Set(events.map((event) => event.action))).toEqual(new Set(['participation.import']));
    expect(new Set(events.map((event) => event.actor_user_id))).toEqual(new Set([curator.id]));
    const stored = await t.sql(
      `SELECT p.id, p.party_code, p.valid_to, p.valid_from_precision, p.source_title, p.source_note
       FROM participation p JOIN initiative i ON i.id = p.initiative_id WHERE i.key = 'import_one' ORDER BY p.party_code`,
    );
    expect(stored).toHaveLength(100);
    expect(new Set(events.map((event) => event.entity_id))).toEqual(new Set(stored.map((row) => row.id)));
    expect(stored[0]).toMatchObject({ party_code: countries[0], valid_to: '2025-06-01', valid_from_precision: 'DAY' });
    expect(stored[0].source_title).toBe(`Title, with "quotes" for ${countries[0]}`);
    expect(stored[0].source_note).toBe('a note\nover two lines');

    const again = await t.gql(IMPORT, { csv }, { token: curator.token });
    expect(again.data!.importParticipations).toEqual({ rows: 100, imported: 0, unchanged: 100 });
    expect(await lastEventId()).toBe(since + 100);

    // A row that differs from a live one and overlaps it is refused; the export includes the imported rows.
    const changed = goodRows('import_one', 1).map((row) => ({ ...row, sourceNote: 'another note' }));
    const clash = await t.gql(IMPORT, { csv: csvOf(changed) }, { token: curator.token });
    expect(clash.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'validFrom',
        message: expect.stringMatching(/overlaps the live row/),
      }),
    ]);
    const exported = parse((await t.http().get('/exports/participation.csv?asOf=2024-12-31').buffer(true)).text, {
      columns: true,
    }) as Row[];
    expect(exported.filter((row) => row.initiativeKey === 'import_one')).toHaveLength(100);
  });

  it('refuses a file without the header, with unknown columns or with rows of the wrong length', async () => {
    const noHeader = await t.gql(IMPORT, { csv: 'KEN,import_one\n' }, { token: curator.token });
    expect(noHeader.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noHeader.errors?.[0].extensions?.field).toBe('csv');
    const short = `${PARTICIPATION_COLUMNS.join(',')}\nKEN,import_one\n`;
    const answer = await t.gql(IMPORT, { csv: short }, { token: curator.token });
    expect(answer.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/has 2 fields/) }),
    ]);
    const unquoted = `${PARTICIPATION_COLUMNS.join(',')}\n"KEN,import_one\n`;
    expect((await t.gql(IMPORT, { csv: unquoted }, { token: curator.token })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

function runImportCli(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [projectFile('dist/src/cli/import-participation.js'), file], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.database.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the command line', () => {
  it('imports a file with progress on plain lines, and refuses a bad one naming line and column', async () => {
    const rows = goodRows('import_cli', 20);
    const bad = join(folder, 'bad.csv');
    await writeFile(bad, csvOf([...rows.slice(0, 3), { ...rows[3], sourceNote: 'x\u0000y' }]));
    const refused = await runImportCli(bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing imported');
    // The first row's note is written over two lines: the fourth row starts on line 6.
    expect(refused.stderr).toContain('line 6, column sourceNote: must not contain NUL');

    const good = join(folder, 'good.csv');
    await writeFile(good, csvOf(rows));
    const since = await lastEventId();
    const first = await runImportCli(good);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('rows validated: 20 / 20\n');
    expect(first.stdout).toContain('rows imported: 20 / 20\n');
    expect(first.stdout).toContain('20 rows, 20 imported, 0 unchanged');
    const events = await t.sql(`SELECT actor_user_id, request_id FROM audit_event WHERE id > $1`, [since]);
    expect(events).toHaveLength(20);
    expect(events[0]).toEqual({ actor_user_id: null, request_id: 'cli' });
    const second = await runImportCli(good);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('20 rows, 0 imported, 20 unchanged');
    // Three processes that each boot the application: slow on a loaded machine.
  }, 180_000);
});
