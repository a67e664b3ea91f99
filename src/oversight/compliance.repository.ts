import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { SqlFilter } from '../database/sql-filter.js';
import { participationInForce } from '../initiatives/participations.repository.js';
import { STATUS_ORDER, type AssessedRow } from './compliance-rules.js';
import { coveredParties, jurisdictionAuthorities } from './jurisdiction-scope.js';
import type { ComplianceState } from './oversight-terms.js';

/** The question: on which date, and in which jurisdiction (null: wherever the requirements reach). */
export interface ComplianceScope {
  asOf: string;
  jurisdiction: string | null;
}

/** Whose AI systems are assessed: the systems of some companies, some systems, or every system (an overview). */
type Subjects = { companyIds: readonly string[] } | { aiSystemIds: readonly string[] } | null;

export interface SubjectCompliance {
  /** A company id or an AI system id, as asked. */
  id: string;
  status: ComplianceState;
  rows: AssessedRow[];
}

const PENDING = `('SUBMITTED', 'UNDER_REVIEW')`;

/**
 * The one statement that computes compliance (nothing of it is stored), as CTEs over a set of subjects:
 *
 * - `req`: the requirements in force on the date that bear on the jurisdiction: its own regulators', those of the
 *   groups it belongs to then (the EU's, for a member state), and every initiative's;
 * - `reach`: the parties through which each reaches systems and companies on the date: a regulator's jurisdiction
 *   (with the group's members then), an initiative's participants then (live rows of the tracker), narrowed to the
 *   parties the jurisdiction covers;
 * - `pair`: requirement x AI system, for the systems deployed in a party it reaches and, for an initiative's, every
 *   system of a company incorporated in one, when risk level and organisation role match; `via` keeps the parties;
 * - `assessed`: per pair, the best filing of the year under each template (one index-only probe per template), the
 *   certification that comes closest, the deployment bans in force where the requirement reaches the system
 *   (probed only for the few companies in `banned`, a hashed lookup), and from them the row's status
 *   (STATUS_ORDER's names; a voluntary requirement never gives NON_COMPLIANT).
 *
 * Bound values go on `where`; `subjects` narrows the systems before anything is probed.
 */
function assessed(where: SqlFilter, scope: ComplianceScope, subjects: Subjects): string {
  const asOf = `${where.bind(scope.asOf)}::date`;
  const year = where.bind(scope.asOf.slice(0, 4));
  const jurisdiction = scope.jurisdiction === null ? null : where.bind(scope.jurisdiction);
  const ids =
    subjects === null ? null : where.bind('companyIds' in subjects ? subjects.companyIds : subjects.aiSystemIds);
  const byCompany = subjects !== null && 'companyIds' in subjects;
  const ofSubjects =
    ids === null ? 'TRUE' : byCompany ? `s.company_id = ANY(${ids}::uuid[])` : `s.id = ANY(${ids}::uuid[])`;
  const matches = `(cardinality(r.risk_levels) = 0 OR s.risk_level = ANY(r.risk_levels))
        AND (cardinality(r.organization_roles) = 0 OR s.organization_role = ANY(r.organization_roles))`;
  const inJurisdiction = jurisdiction === null ? '' : `WHERE x.party_code IN ${coveredParties(jurisdiction, asOf)}`;
  // Only the subjects' companies can be banned for this answer: the set stays small, whatever the table holds.
  const bannedSubjects =
    ids === null
      ? ''
      : byCompany
        ? `AND e.company_id = ANY(${ids}::uuid[])`
        : `AND e.company_id IN (SELECT s.company_id FROM ai_system s WHERE s.id = ANY(${ids}::uuid[]))`;
  const banFilter = `e.kind IN ('DEPLOYMENT_BAN', 'DEPLOYMENT_SUSPENSION') AND e.status IN ('OPEN', 'UNDER_APPEAL')
          AND e.effective_from <= ${asOf} AND (e.effective_until IS NULL OR ${asOf} < e.effective_until)`;
  const bindingHere =
    jurisdiction === null ? 'TRUE' : `r.jurisdiction IN ${jurisdictionAuthorities(jurisdiction, asOf)}`;
  return `
    req AS MATERIALIZED (
      SELECT r.id, r.title, r.regime, r.jurisdiction, r.initiative_id, r.risk_levels, r.organization_roles,
        r.templates, r.certification_required, r.certification_scheme
      FROM disclosure_requirement r
      WHERE r.effective_from <= ${asOf} AND (r.effective_until IS NULL OR ${asOf} < r.effective_until)
        AND (r.initiative_id IS NOT NULL OR ${bindingHere})
    ),
    reach AS MATERIALIZED (
      SELECT x.requirement_id, x.party_code FROM (
        SELECT r.id AS requirement_id, c.code AS party_code
        FROM req r CROSS JOIN LATERAL ${coveredParties('r.jurisdiction', asOf)} AS c(code)
        WHERE r.jurisdiction IS NOT NULL
        UNION
        SELECT r.id, p.party_code
        FROM req r JOIN participation p ON p.initiative_id = r.initiative_id
        WHERE r.initiative_id IS NOT NULL AND p.retracted_at IS NULL AND ${participationInForce('p', asOf)}
      ) x ${inJurisdiction}
    ),
    banned AS MATERIALIZED (
      SELECT DISTINCT e.company_id FROM enforcement_action e WHERE ${banFilter} ${bannedSubjects}
    ),
    pair AS (
      SELECT x.requirement_id, x.ai_system_id, x.company_id, array_agg(x.party_code) AS via
      FROM (
        SELECT rc.requirement_id, s.id AS ai_system_id, s.company_id, rc.party_code
        FROM reach rc JOIN req r ON r.id = rc.requirement_id
          JOIN ai_system_deployment dep ON dep.party_code = rc.party_code
          JOIN ai_system s ON s.id = dep.ai_system_id
        WHERE ${ofSubjects} AND ${matches}
        UNION ALL
        SELECT rc.requirement_id, s.id, s.company_id, rc.party_code
        FROM reach rc JOIN req r ON r.id = rc.requirement_id AND r.initiative_id IS NOT NULL
          JOIN company co ON co.country_iso3 = rc.party_code
          JOIN ai_system s ON s.company_id = co.id
        WHERE ${ofSubjects} AND ${matches}
      ) x
      GROUP BY x.requirement_id, x.ai_system_id, x.company_id
    ),
    assessed AS (
      SELECT p.requirement_id, p.ai_system_id, p.company_id, r.title, r.regime, r.certification_scheme,
        f.filings, r.certification_required AND NOT coalesce(cert.valid, false) AS certification_missing,
        cert.fact AS certification, ban.facts AS bans,
        CASE
          WHEN f.missing OR (r.certification_required AND NOT coalesce(cert.valid, false)) OR ban.facts IS NOT NULL
            THEN CASE r.regime WHEN 'MANDATORY' THEN 'NON_COMPLIANT' ELSE 'NOT_REQUIRED' END
          WHEN f.pending THEN 'PENDING_REVIEW'
          ELSE 'COMPLIANT'
        END AS status
      FROM pair p JOIN req r ON r.id = p.requirement_id
      CROSS JOIN LATERAL (
        SELECT coalesce(jsonb_agg(jsonb_build_object('templateKey', t.template->>'key',
                 'minVersion', (t.template->>'minVersion')::int, 'status', b.status,
                 'accessionNumber', b.accession_number) ORDER BY t.ord)
                 FILTER (WHERE b.status IS DISTINCT FROM 'ACCEPTED'), '[]') AS filings,
          bool_or(b.status IS NULL OR b.status NOT IN ('ACCEPTED', 'SUBMITTED', 'UNDER_REVIEW')) AS missing,
          bool_or(b.status IN ${PENDING}) AS pending
        FROM jsonb_array_elements(r.templates) WITH ORDINALITY AS t(template, ord)
        LEFT JOIN LATERAL (
          SELECT d.status, d.accession_number FROM disclosure d
          WHERE d.ai_system_id = p.ai_system_id AND d.template_key = t.template->>'key'
            AND d.submitted_at IS NOT NULL AND left(d.reporting_period, 4) = ${year}
            AND d.template_version >= (t.template->>'minVersion')::int
            AND d.amendment_type IS DISTINCT FROM 'WITHDRAWAL'
          ORDER BY array_position(ARRAY['ACCEPTED', 'UNDER_REVIEW', 'SUBMITTED']::varchar[], d.status) NULLS LAST,
            d.submitted_at DESC
          LIMIT 1
        ) b ON TRUE
      ) f
      LEFT JOIN LATERAL (
        SELECT c.status = 'ACTIVE' AND c.issued_on <= ${asOf} AND ${asOf} < c.expires_on AS valid,
          jsonb_build_object('scheme', c.scheme, 'status', c.status, 'issuedOn', c.issued_on,
            'expiresOn', c.expires_on) AS fact
        FROM certification c
        WHERE c.company_id = p.company_id AND (c.ai_system_id IS NULL OR c.ai_system_id = p.ai_system_id)
          AND (r.certification_scheme IS NULL OR c.scheme = r.certification_scheme)
        ORDER BY 1 DESC, c.issued_on <= ${asOf} DESC, c.expires_on DESC, c.id
        LIMIT 1
      ) cert ON r.certification_required
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'regulator', g.name,
                 'effectiveFrom', e.effective_from, 'effectiveUntil', e.effective_until)
                 ORDER BY e.effective_from, e.id) AS facts
        FROM enforcement_action e JOIN regulator g ON g.id = e.regulator_id
        WHERE p.company_id IN (SELECT b.company_id FROM banned b)
          AND e.company_id = p.company_id AND (e.ai_system_id IS NULL OR e.ai_system_id = p.ai_system_id)
          AND ${banFilter}
          -- where it bites: decided for a party the requirement reaches the system through, or a group of one
          AND (e.jurisdiction = ANY(p.via) OR EXISTS (
                SELECT 1 FROM country_group_membership m
                WHERE m.group_key = e.jurisdiction AND m.party_code = ANY(p.via)
                  AND (m.valid_from IS NULL OR m.valid_from <= ${asOf})
                  AND (m.valid_to IS NULL OR m.valid_to > ${asOf})))
      ) ban
    )`;
}

/** The rows of one subject as JSON (AssessedRow), worst first. */
const ROWS_JSON = `coalesce(json_agg(json_build_object('requirementId', a.requirement_id, 'aiSystemId', a.ai_system_id,
    'regime', a.regime, 'status', a.status, 'filings', a.filings, 'certificationMissing', a.certification_missing,
    'certificationScheme', a.certification_scheme, 'certification', a.certification,
    'bans', coalesce(a.bans, '[]'::jsonb))
  ORDER BY array_position(o.names, a.status) DESC, a.title, a.requirement_id, a.ai_system_id)
  FILTER (WHERE a.requirement_id IS NOT NULL), '[]')`;

/** The worst status of a subject's rows (none: the best, NOT_REQUIRED). */
const WORST = `o.names[coalesce(max(array_position(o.names, a.status)), 1)]`;

/** Computes compliance in one statement per question, for any number of companies or systems. */
@Injectable()
export class ComplianceRepository {
  constructor(private readonly db: Database) {}

  /** The version of compliance's inputs: it moves with every statement that writes one (ComplianceSnapshots). */
  async inputsVersion(): Promise<string> {
    const [{ version }] = await this.db.reads.rows<{ version: string }>(
      'SELECT compliance_inputs_version()::text AS version',
    );
    return version;
  }

  /** Per company (unknown ones left out): its overall status and rows. */
  companies(companyIds: readonly string[], scope: ComplianceScope): Promise<SubjectCompliance[]> {
    return this.perSubject({ companyIds }, scope);
  }

  /** Per AI system (unknown ones left out): its overall status and rows. */
  aiSystems(aiSystemIds: readonly string[], scope: ComplianceScope): Promise<SubjectCompliance[]> {
    return this.perSubject({ aiSystemIds }, scope);
  }

  /** Each subject (a company or an AI system) with its worst status and rows; unknown ones left out. */
  private perSubject(subjects: NonNullable<Subjects>, scope: ComplianceScope): Promise<SubjectCompliance[]> {
    const [ids, table, column] =
      'companyIds' in subjects
        ? [subjects.companyIds, 'company', 'company_id']
        : [subjects.aiSystemIds, 'ai_system', 'ai_system_id'];
    const where = new SqlFilter();
    const order = where.bind(STATUS_ORDER);
    const idList = where.bind(ids);
    const cte = assessed(where, scope, subjects);
    return this.db.reads.rows<SubjectCompliance>(
      `WITH ${cte}
       SELECT x.id, ${WORST} AS status, ${ROWS_JSON} AS rows
       FROM ${table} x CROSS JOIN (SELECT ${order}::text[] AS names) o
         LEFT JOIN assessed a ON a.${column} = x.id
       WHERE x.id = ANY(${idList}::uuid[])
       GROUP BY x.id, o.names`,
      where.values,
    );
  }

  /**
   * How many companies of the jurisdiction (incorporated in, or with a system deployed in, a party it covers on
   * the date) have each overall status; statuses no company has are left out.
   */
  overview(scope: ComplianceScope & { jurisdiction: string }): Promise<{ status: ComplianceState; count: number }[]> {
    const where = new SqlFilter();
    const order = where.bind(STATUS_ORDER);
    const cte = assessed(where, scope, null);
    const covered = coveredParties(where.bind(scope.jurisdiction), `${where.bind(scope.asOf)}::date`);
    return this.db.reads.rows<{ status: ComplianceState; count: number }>(
      `WITH ${cte},
       universe AS (
         SELECT co.id FROM company co WHERE co.country_iso3 IN ${covered}
         UNION
         SELECT s.company_id FROM ai_system_deployment dep JOIN ai_system s ON s.id = dep.ai_system_id
         WHERE dep.party_code IN ${covered}
       ),
       worst AS (
         SELECT a.company_id, max(array_position(o.names, a.status)) AS rank
         FROM assessed a CROSS JOIN (SELECT ${order}::text[] AS names) o GROUP BY a.company_id
       )
       SELECT (${order}::text[])[coalesce(w.rank, 1)] AS status, count(*)::int AS count
       FROM universe u LEFT JOIN worst w ON w.company_id = u.id
       GROUP BY 1`,
      where.values,
    );
  }
}
