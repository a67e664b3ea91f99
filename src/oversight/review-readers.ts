import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfidentialReaders } from '../disclosures/confidential-readers.js';
import { OversightScopeService } from './oversight-scope.service.js';

/**
 * Regulators read in full the filings about AI systems deployed in their jurisdiction (today): confidential
 * fields, open reviews and findings, audit events. The disclosures module asks through ConfidentialReaders.
 */
@Injectable()
export class ReviewReaders implements OnModuleInit {
  constructor(
    private readonly readers: ConfidentialReaders,
    private readonly scope: OversightScopeService,
  ) {}

  onModuleInit(): void {
    this.readers.register((principal, filings) =>
      this.scope.oversees(
        principal,
        filings.map((filing) => filing.aiSystemId),
      ),
    );
  }
}
