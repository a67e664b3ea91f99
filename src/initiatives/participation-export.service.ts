import { Injectable } from '@nestjs/common';
import { PARTICIPATION_COLUMNS, type ParticipationRecord } from './participation-csv.js';
import { ParticipationsRepository } from './participations.repository.js';

/** Rows read per statement: the export never holds more than one page. */
const PAGE = 1000;

/** The participation in force on a date (live rows), in the exchange format, read page by page. */
@Injectable()
export class ParticipationExportService {
  constructor(private readonly participations: ParticipationsRepository) {}

  /** Every live row in force on `asOf`, by initiative key, party and id; a page of the table at a time. */
  async *records(asOf: string): AsyncGenerator<ParticipationRecord> {
    let after: { initiativeKey: string; partyCode: string; id: string } | null = null;
    for (;;) {
      const page = await this.participations.exportPage(asOf, after, PAGE);
      for (const { id: _id, ...record } of page) yield inColumnOrder(record);
      if (page.length < PAGE) return;
      const last = page[page.length - 1];
      after = { initiativeKey: last.initiativeKey, partyCode: last.partyCode, id: last.id };
    }
  }
}

/** The record with its keys in the format's column order (the JSON export keeps it). */
function inColumnOrder(record: ParticipationRecord): ParticipationRecord {
  return Object.fromEntries(
    PARTICIPATION_COLUMNS.map((column) => [column, record[column]]),
  ) as unknown as ParticipationRecord;
}
