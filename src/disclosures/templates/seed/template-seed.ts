import type { Tx } from '../../../database/transaction.js';
import { templateVersion } from '../disclosure-templates.service.js';
import { TemplateSeedRepository } from '../disclosure-templates.repository.js';
import type { TemplateVersion } from '../template-record.js';
import haipReportingFramework from './oecd-haip-reporting-framework.json' with { type: 'json' };
import impactAssessment from './unctad-impact-assessment.json' with { type: 'json' };
import transparencyReport from './unctad-transparency-report.json' with { type: 'json' };

/** The templates the registry starts with, as published data (one file each, beside this one). */
const SEED_FILES: unknown[] = [impactAssessment, transparencyReport, haipReportingFramework];

/** The seed templates as stored, checked like any publication: a wrong seed file stops the start. */
export function seedTemplates(): TemplateVersion[] {
  return SEED_FILES.map((file) => templateVersion(file as Omit<TemplateVersion, 'requiredFields'>));
}

/**
 * Publishes the seed templates' versions the registry lacks. Idempotent: a version it holds is never rewritten (a
 * filing may use it), so a changed seed is a new file version, not an edit. Runs at every start, as the owner.
 */
export async function seedDisclosureTemplates(tx: Tx): Promise<void> {
  await new TemplateSeedRepository(tx).insertMissing(seedTemplates());
}
