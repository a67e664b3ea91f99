import type { DisclosureTemplate } from './disclosure-template.entity.js';
import type { DisclosureTemplateSection } from './dto/template-section.model.js';

/** A published template version as services pass it around: the row, as clients see it. */
export type TemplateRecord = DisclosureTemplate;

/** What the write path and the audit trail see: the record under its id, `key@version`. */
export type TemplateSnapshot = TemplateRecord & { id: string };

/** A template version to store: everything but the publication time. */
export interface TemplateVersion {
  key: string;
  version: number;
  kind: string;
  name: string;
  issuingBody: string;
  description: string;
  sourceUrl: string;
  sections: DisclosureTemplateSection[];
  schema: Record<string, unknown>;
  requiredFields: string[];
  confidentialFields: string[];
}

export function templateId(key: string, version: number): string {
  return `${key}@${version}`;
}
