import { Readable } from 'node:stream';
import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/access/access.decorator.js';
import { DisclosureLedgerService } from './disclosure-ledger.service.js';

/**
 * Open data: every filing's public line (JSON Lines), in ledger order, streamed a batch at a time so that memory
 * stays flat however many filings there are. `npm run disclosures:verify -- FILE` checks it without the database.
 */
@Public()
@Controller('exports')
export class DisclosureExportController {
  constructor(private readonly ledger: DisclosureLedgerService) {}

  @Get('disclosures.jsonl')
  jsonl(@Res() reply: FastifyReply): void {
    const lines = this.ledger.exportLines();
    async function* text(): AsyncGenerator<string> {
      for await (const line of lines) yield JSON.stringify(line) + '\n';
    }
    const body = Readable.from(text());
    body.on('error', (error) => reply.log.error({ err: error }, 'disclosures export failed'));
    void reply
      .header('content-type', 'application/jsonl; charset=utf-8')
      .header('content-disposition', 'attachment; filename="disclosures.jsonl"')
      .send(body);
  }
}
