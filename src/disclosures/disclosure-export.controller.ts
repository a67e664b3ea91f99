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
  async jsonl(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.ledger.exportLines();
    if (!body) {
      await reply
        .code(503)
        .header('retry-after', '60')
        .send({ message: 'the export is being streamed to as many readers as it serves at once: retry in a minute' });
      return;
    }
    body.on('error', (error) => reply.log.error({ err: error }, 'disclosures export failed'));
    await reply
      .header('content-type', 'application/jsonl; charset=utf-8')
      .header('content-disposition', 'attachment; filename="disclosures.jsonl"')
      .send(body);
  }
}
