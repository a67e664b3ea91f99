import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { CountriesService } from '../countries/countries.service.js';
import { complianceReasons, STATUS_ORDER } from './compliance-rules.js';
import { ComplianceSnapshots } from './compliance-snapshots.js';
import { ComplianceRepository, type ComplianceScope, type SubjectCompliance } from './compliance.repository.js';
import type {
  ComplianceOverview,
  ComplianceStatus,
  RequirementCompliance,
  SystemCompliance,
} from './dto/compliance.model.js';
import { ComplianceState } from './oversight-terms.js';

/**
 * Compliance is computed when asked, from the requirements, filings, certifications and enforcement actions on
 * record: never stored, so it cannot go stale. Every answer comes from one statement, whatever the number of
 * companies or systems (ComplianceRepository). The overview of a jurisdiction, which reads all of it, is kept
 * between changes of those records (ComplianceSnapshots).
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly compliance: ComplianceRepository,
    private readonly countries: CountriesService,
    private readonly snapshots: ComplianceSnapshots,
  ) {}

  /** A company's status and rows; null when there is no such company. */
  async ofCompany(
    companyId: string,
    jurisdiction: string | null | undefined,
    asOf: string,
  ): Promise<ComplianceStatus | null> {
    const scope = await this.checkedScope(jurisdiction, asOf);
    const [found] = await this.compliance.companies([companyId.toLowerCase()], scope);
    return found ? { companyId: found.id, ...answer(found, scope) } : null;
  }

  /** Each system's status and rows, in the order of `aiSystemIds` (a DataLoader's batch). */
  async ofSystems(
    aiSystemIds: readonly string[],
    jurisdiction: string | null | undefined,
    asOf: string,
  ): Promise<SystemCompliance[]> {
    const scope = await this.checkedScope(jurisdiction, asOf);
    const found = new Map((await this.compliance.aiSystems(aiSystemIds, scope)).map((row) => [row.id, row]));
    return aiSystemIds.map((id) =>
      answer(found.get(id) ?? { id, status: ComplianceState.NOT_REQUIRED, rows: [] }, scope),
    );
  }

  /** Counted over every company of the jurisdiction: kept as a snapshot until an input of compliance changes. */
  async overview(jurisdiction: string, asOf: string): Promise<ComplianceOverview> {
    const scope = await this.checkedScope(jurisdiction, asOf);
    const code = scope.jurisdiction!;
    const { value, computedAt } = await this.snapshots.get(`overview ${code} ${asOf}`, () =>
      this.compliance.overview({ ...scope, jurisdiction: code }),
    );
    const counted = new Map(value.map((row) => [row.status, row.count]));
    const counts = [...STATUS_ORDER].reverse().map((status) => ({ status, companies: counted.get(status) ?? 0 }));
    return {
      jurisdiction: code,
      asOf,
      companies: counts.reduce((sum, count) => sum + count.companies, 0),
      counts,
      computedAt,
    };
  }

  /** The jurisdiction upper-cased, naming a party; else BAD_USER_INPUT. */
  private async checkedScope(jurisdiction: string | null | undefined, asOf: string): Promise<ComplianceScope> {
    const code = jurisdiction ? jurisdiction.toUpperCase() : null;
    if (code && (await this.countries.missingPartyCodes([code])).length) {
      throw BadUserInputError.field('jurisdiction', 'names no country or organisation');
    }
    return { jurisdiction: code, asOf };
  }
}

function answer(subject: SubjectCompliance, scope: ComplianceScope) {
  const requirements: RequirementCompliance[] = subject.rows.map((row) => ({
    requirementId: row.requirementId,
    aiSystemId: row.aiSystemId,
    status: row.status,
    reasons: complianceReasons(row, scope.asOf),
  }));
  return { jurisdiction: scope.jurisdiction, asOf: scope.asOf, status: subject.status, requirements };
}
