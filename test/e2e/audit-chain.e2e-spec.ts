import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { GENESIS_HASH } from '../../src/audit/audit-chain.js';
import { Role } from '../../src/common/access/role.js';
import { projectFile } from '../../src/common/project-file.js';
import { registerCompany } from '../fixtures/companies.js';
import { signedInUser, type SignedInUser } from '../fixtures/users.js';
import { graphql } from '../graphql/graphql.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

const VERIFY = graphql(`
  query {
    verifyAuditTrail {
      valid
      checked
      firstBrokenEventId
      reason
      lastEventId
      lastHash
    }
  }
`);

const GRANT_ROLE = graphql(`
  mutation GrantRole($userId: ID!, $role: Role!) {
    grantRole(userId: $userId, role: $role) {
      roles
    }
  }
`);

let t: TestApp;
let admin: SignedInUser;
let filer: SignedInUser;
let folder: string;
beforeAll(async () => {
  t = await startTestApp({ mutationsPerMinute: 100000 });
  admin = await signedInUser(t, 'chain-admin@example.org', [Role.ADMIN]);
  filer = await signedInUser(t, 'chain-filer@example.org', [Role.FILER]);
  folder = mkdtempSync(path.join(tmpdir(), 'audit-chain-'));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await t.close();
});

async function verify() {
  const { data, errors } = await t.gql(VERIFY, {}, { token: admin.token });
  expect(errors).toBeUndefined();
  return data!.verifyAuditTrail;
}

/** Runs a built command-line tool as an operator would. */
function cli(tool: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [projectFile(`dist/src/cli/${tool}.js`), ...args], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.database.url },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function exportAndVerify(name: string) {
  const file = path.join(folder, name);
  const exported = cli('audit-export', [file]);
  expect(exported.stderr).toBe('');
  expect(exported.status).toBe(0);
  const verified = cli('audit-verify', [file]);
  return { file, status: verified.status, verdict: JSON.parse(verified.stdout) as Record<string, unknown> };
}

/** As the owner (a superuser), past the append-only trigger: what an intruder with the owner's password could do. */
async function asSuperuser(sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(sql, params);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

describe('the audit trail is one hash chain', () => {
  it('an untouched trail verifies, in the service and offline from an export', async () => {
    await registerCompany(t, filer, { name: 'Chain One' });
    const verdict = await verify();
    const [{ count, last }] = await t.sql(`SELECT count(*)::int AS count, max(id)::text AS last FROM audit_event`);
    expect(count).toBeGreaterThan(2);
    const [{ hash }] = await t.sql(`SELECT hash FROM audit_event WHERE id = $1`, [last]);
    expect(verdict).toEqual({
      valid: true,
      checked: count,
      firstBrokenEventId: null,
      reason: null,
      lastEventId: last,
      lastHash: hash,
    });

    const offline = exportAndVerify('untouched.ndjson');
    expect(offline.status).toBe(0);
    expect(offline.verdict).toMatchObject({ valid: true, checked: count, lastEventId: last, lastHash: hash });
    const lines = readFileSync(offline.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(count);
    expect(JSON.parse(lines[0])).toMatchObject({ id: '1', previousHash: GENESIS_HASH });
  });

  it('fifty concurrent audited writes leave one unbroken chain, ids in chain order', async () => {
    const [{ before }] = await t.sql(`SELECT count(*)::int AS before FROM audit_event`);
    const users = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signedInUser(t, `chain-concurrent-${i}@example.org`)),
    );
    const answers = await Promise.all([
      ...users.map((user) => t.gql(GRANT_ROLE, { userId: user.id, role: 'CURATOR' }, { token: admin.token })),
      ...users.map((_, i) => registerCompany(t, filer, { name: `Concurrent ${i}` })),
    ]);
    expect(answers).toHaveLength(50);
    const [{ count, gaps, forks }] = await t.sql(
      `SELECT count(*)::int AS count,
              count(*) FILTER (WHERE e.id <> 1 AND p.id IS NULL)::int AS gaps,
              count(*) FILTER (WHERE p.id IS NOT NULL AND e.previous_hash <> p.hash)::int AS forks
       FROM audit_event e LEFT JOIN audit_event p ON p.id = e.id - 1`,
    );
    expect(count).toBeGreaterThanOrEqual(before + 25 + 50);
    expect({ gaps, forks }).toEqual({ gaps: 0, forks: 0 });
    expect(await verify()).toMatchObject({ valid: true, checked: count });
  });

  it('names an event changed by a superuser, in the service and offline', async () => {
    const [target] = await t.sql(
      `SELECT id::text AS id, after FROM audit_event WHERE action = 'company.register' LIMIT 1`,
    );
    await asSuperuser(`UPDATE audit_event SET after = jsonb_set(after, '{name}', '"Forged"') WHERE id = $1`, [
      target.id,
    ]);
    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: false, firstBrokenEventId: target.id, checked: Number(target.id) });
    expect(verdict.reason).toMatch(/does not match its hash/);

    const offline = exportAndVerify('tampered.ndjson');
    expect(offline.status).toBe(1);
    expect(offline.verdict).toMatchObject({ valid: false, firstBrokenEventId: target.id });

    await asSuperuser(`UPDATE audit_event SET after = $2 WHERE id = $1`, [target.id, JSON.stringify(target.after)]);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('offline, names an event changed in the exported file', () => {
    const file = path.join(folder, 'edited.ndjson');
    const lines = readFileSync(path.join(folder, 'untouched.ndjson'), 'utf8').trim().split('\n');
    const edited = { ...JSON.parse(lines[1]), action: 'user.delete' } as { id: string };
    lines[1] = JSON.stringify(edited);
    writeFileSync(file, lines.join('\n') + '\n');
    const verified = cli('audit-verify', [file]);
    expect(verified.status).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ valid: false, firstBrokenEventId: edited.id, checked: 2 });
  });

  it('names the event after one removed from the middle, and the head when the newest is removed', async () => {
    const [{ last }] = await t.sql(`SELECT max(id)::text AS last FROM audit_event`);
    const [{ removed }] = await t.sql(`SELECT to_jsonb(e) AS removed FROM audit_event e WHERE id = 3`);
    await asSuperuser(`DELETE FROM audit_event WHERE id = 3`);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenEventId: '4' });
    await asSuperuser(`INSERT INTO audit_event SELECT * FROM jsonb_populate_record(NULL::audit_event, $1)`, [
      JSON.stringify(removed),
    ]);
    expect(await verify()).toMatchObject({ valid: true });

    const [{ newest }] = await t.sql(`SELECT to_jsonb(e) AS newest FROM audit_event e WHERE id = $1`, [last]);
    await asSuperuser(`DELETE FROM audit_event WHERE id = $1`, [last]);
    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: false, firstBrokenEventId: last });
    expect(verdict.reason).toMatch(/events were removed/);
    await asSuperuser(`INSERT INTO audit_event SELECT * FROM jsonb_populate_record(NULL::audit_event, $1)`, [
      JSON.stringify(newest),
    ]);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('names an event inserted around the chain', async () => {
    const [{ next }] = await t.sql(`SELECT (last_event_id + 1)::text AS next FROM audit_chain_head`);
    await asSuperuser(
      `INSERT INTO audit_event (id, action, entity_type, entity_id, previous_hash, hash)
       VALUES ($1, 'user.create', 'user', 'ghost', $2, $2)`,
      [next, GENESIS_HASH],
    );
    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: false, firstBrokenEventId: next });
    expect(verdict.reason).toMatch(/not in the chain/);
  });

  it('is for admins only', async () => {
    const { errors } = await t.gql(VERIFY, {}, { token: filer.token });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
