import { Readable, pipeline } from 'node:stream';
import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/access/access.decorator.js';
import { todayUtc } from '../common/dates.js';
import { calendarDate } from '../common/graphql/scalars.js';
import { PARTICIPATION_COLUMNS } from './participation-csv.js';
import { ParticipationExportService } from './participation-export.service.js';

/** The `asOf` query parameter: a calendar date, today (UTC) when absent; 400 naming `asOf` otherwise. */
function asOfParameter(value: unknown): string {
  if (value === undefined || value === '') return todayUtc();
  const date = typeof value === 'string' ? calendarDate(value) : null;
  if (date === null) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      code: 'BAD_USER_INPUT',
      field: 'asOf',
      message: 'asOf must be one date YYYY-MM-DD from 0001-01-01 to 9999-12-31',
    });
  }
  return date;
}

/**
 * Open data: the participation in force on a date, in the import format (CSV or JSON), streamed from the
 * database a page at a time. Public, like the GraphQL reads of participation.
 */
@Public()
@Controller('exports')
export class ParticipationExportController {
  constructor(private readonly exports: ParticipationExportService) {}

  @Get('participation.csv')
  csv(@Query('asOf') asOfText: unknown, @Res() reply: FastifyReply): void {
    const asOf = asOfParameter(asOfText);
    const csv = stringify({ header: true, columns: [...PARTICIPATION_COLUMNS] });
    pipeline(Readable.from(this.exports.records(asOf)), csv, (error) => {
      if (error) reply.log.error({ err: error }, 'participation CSV export failed');
    });
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="participation-${asOf}.csv"`)
      .send(csv);
  }

  @Get('participation.json')
  json(@Query('asOf') asOfText: unknown, @Res() reply: FastifyReply): void {
    const asOf = asOfParameter(asOfText);
    const records = this.exports.records(asOf);
    async function* chunks(): AsyncGenerator<string> {
      yield `{"asOf":${JSON.stringify(asOf)},"columns":${JSON.stringify(PARTICIPATION_COLUMNS)},"participations":[`;
      let first = true;
      for await (const record of records) {
        yield (first ? '\n' : ',\n') + JSON.stringify(record);
        first = false;
      }
      yield '\n]}\n';
    }
    const body = Readable.from(chunks());
    body.on('error', (error) => reply.log.error({ err: error }, 'participation JSON export failed'));
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `inline; filename="participation-${asOf}.json"`)
      .send(body);
  }
}
