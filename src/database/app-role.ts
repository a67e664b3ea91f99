import { createHmac } from 'node:crypto';
import pg from 'pg';
import { ConfigError } from '../config/config.error.js';
import type { Tx } from './transaction.js';

/** What the service's role may do to one table. */
export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** Every table the service reads or writes, and what it may do to it; tables not listed stay out of its reach. */
export type AppPrivileges = Readonly<Record<string, readonly TablePrivilege[]>>;

/** The role request traffic runs as: given by DATABASE_APP_URL, or derived from the owner's URL. */
export interface AppRole {
  url: string;
  name: string;
  /** Set when the service made the role up (and so creates it, and may reset its password). */
  derivedPassword?: string | null;
}

/** Tables that belong to the tooling, never to the service. */
const TOOLING_TABLES = new Set(['migrations']);

function withCredentials(url: string, user: string, password: string | null): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password === null ? '' : encodeURIComponent(password);
  return parsed.toString();
}

/**
 * The service's role when DATABASE_APP_URL is not set: `<owner>_app` on the owner's server and database. Its
 * password is derived from the owner's (HMAC-SHA-256), so replicas agree on it and nothing needs storing; when the
 * owner has no password in its URL (trust or peer authentication), neither has the role.
 */
export function derivedAppRole(ownerUrl: string): AppRole {
  const owner = new URL(ownerUrl);
  const ownerName = decodeURIComponent(owner.username || 'postgres');
  // Role names are at most 63 bytes.
  const name = `${Buffer.from(ownerName).subarray(0, 59).toString()}_app`;
  const ownerPassword = decodeURIComponent(owner.password);
  const password = ownerPassword
    ? createHmac('sha256', ownerPassword).update(`ai-governance-registry service role ${name}`).digest('base64url')
    : null;
  return { url: withCredentials(ownerUrl, name, password), name, derivedPassword: password };
}

export function givenAppRole(appUrl: string): AppRole {
  const name = decodeURIComponent(new URL(appUrl).username);
  if (!name) throw new ConfigError('DATABASE_APP_URL', 'names no user: give the role the service runs as');
  return { url: appUrl, name };
}

const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Creates the derived role if it is missing (as the owner, inside the preparing transaction). Roles belong to the
 * whole server, so databases prepared at the same time may race to create it: the loser's error is swallowed.
 */
async function createRoleIfMissing(tx: Tx, role: AppRole): Promise<void> {
  const password = role.derivedPassword ? `PASSWORD ${literal(role.derivedPassword)}` : 'PASSWORD NULL';
  try {
    await tx.rows(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role.name)}) THEN
          CREATE ROLE ${identifier(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION ${password};
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
  } catch (error) {
    if ((error as { driverError?: { code?: string } }).driverError?.code === '42501') {
      throw new ConfigError(
        'DATABASE_URL',
        `its role may not create the service's role ${role.name} (it needs CREATEROLE): create a login role for the service and set DATABASE_APP_URL`,
      );
    }
    throw error;
  }
}

/**
 * Gives the role exactly `privileges` on the tables of schema public and nothing else (every start, so that the
 * grants follow the code), with USAGE on the sequences of the tables it inserts into. Returns the tables that
 * `privileges` does not mention, which the role cannot touch.
 */
export async function grantAppPrivileges(tx: Tx, role: AppRole, privileges: AppPrivileges): Promise<string[]> {
  if (role.derivedPassword !== undefined) await createRoleIfMissing(tx, role);
  const grantee = identifier(role.name);
  await tx.rows(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${grantee}`);
  await tx.rows(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${grantee}`);
  for (const [table, allowed] of Object.entries(privileges)) {
    if (allowed.length) await tx.rows(`GRANT ${allowed.join(', ')} ON TABLE public.${identifier(table)} TO ${grantee}`);
  }
  const inserted = Object.keys(privileges).filter((table) => privileges[table].includes('INSERT'));
  const sequences = await tx.rows<{ name: string }>(
    `SELECT s.relname AS name FROM pg_class s
       JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
     WHERE s.relkind = 'S' AND t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1)`,
    [inserted],
  );
  for (const { name } of sequences) await tx.rows(`GRANT USAGE ON SEQUENCE public.${identifier(name)} TO ${grantee}`);
  const tables = await tx.rows<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  return tables.map((t) => t.name).filter((name) => !(name in privileges) && !TOOLING_TABLES.has(name));
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

/**
 * Connects as the service's role and refuses it when it is a superuser or may act as the tables' owner: then it
 * could alter tables, disable the audit trail's triggers or rewrite its events. A derived role whose password no
 * longer matches (the owner's password changed) has it reset first.
 */
export async function checkAppRole(ownerUrl: string, role: AppRole): Promise<void> {
  const variable = role.derivedPassword === undefined ? 'DATABASE_APP_URL' : 'DATABASE_URL';
  let client: pg.Client;
  try {
    client = await connect(role.url);
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01' || role.derivedPassword === undefined) {
      throw new ConfigError(
        variable,
        `cannot connect as the service's role ${role.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const owner = await connect(ownerUrl);
    try {
      await owner.query(`ALTER ROLE ${identifier(role.name)} PASSWORD ${literal(role.derivedPassword ?? '')}`);
    } finally {
      await owner.end();
    }
    client = await connect(role.url);
  }
  try {
    const { rows } = await client.query<{ superuser: boolean; owner: string | null }>(
      `SELECT r.rolsuper OR r.rolbypassrls AS superuser,
              (SELECT min(t.tablename) FROM pg_tables t
               WHERE t.schemaname = 'public' AND pg_has_role(current_user, t.tableowner, 'MEMBER')) AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [{ superuser, owner }] = rows;
    if (superuser || owner !== null) {
      throw new ConfigError(
        variable,
        `the service's role ${role.name} ${superuser ? 'is a superuser' : `owns table ${owner}`}: it must be a role of its own that owns nothing`,
      );
    }
  } finally {
    await client.end();
  }
}
