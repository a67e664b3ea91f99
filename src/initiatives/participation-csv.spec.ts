import { describe, expect, it } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { MAX_IMPORT_ROWS, PARTICIPATION_COLUMNS, parseParticipationCsv } from './participation-csv.js';

const HEADER = PARTICIPATION_COLUMNS.join(',');
const GOOD = 'ken,oecd_ai_2019,adherent,2024-01-01,,,,https://example.org/a,,';

describe('parseParticipationCsv', () => {
  it('reads rows with defaults, upper-cased codes and enums, nulls for empty cells', () => {
    const { rows, problems, count } = parseParticipationCsv(`\ufeff${HEADER}\r\n${GOOD}\r\n`);
    expect(problems).toEqual([]);
    expect(count).toBe(1);
    expect(rows).toEqual([
      {
        line: 2,
        partyCode: 'KEN',
        initiativeKey: 'oecd_ai_2019',
        role: 'ADHERENT',
        validFrom: '2024-01-01',
        validFromPrecision: 'DAY',
        validTo: null,
        validToPrecision: null,
        sourceUrl: 'https://example.org/a',
        sourceTitle: null,
        sourceNote: null,
      },
    ]);
  });

  it('takes the columns in any order', () => {
    const columns = [...PARTICIPATION_COLUMNS].reverse();
    const text = stringify(
      [
        {
          ...Object.fromEntries(columns.map((c) => [c, ''])),
          partyCode: 'EU',
          initiativeKey: 'g7_x',
          role: 'MEMBER',
          validFrom: '2020-01-01',
          sourceUrl: 'http://example.org',
        },
      ],
      { header: true, columns },
    );
    const { rows, problems } = parseParticipationCsv(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ partyCode: 'EU', role: 'MEMBER' });
  });

  it('names the line each row starts on, across quoted line breaks and blank lines', () => {
    const text = `${HEADER}\n${GOOD.replace(/,$/, ',"two\nlines"')}\n\n${GOOD.replace('2024-01-01', '2024-13-01')}\n`;
    const { problems } = parseParticipationCsv(text);
    expect(problems).toEqual([
      {
        field: 'csv',
        line: 5,
        column: 'validFrom',
        message: expect.stringMatching(/^line 5, column validFrom: must be a date/),
      },
    ]);
  });

  it('finds NUL and unpaired surrogates in the cell they are in', () => {
    for (const bad of ['\u0000', '\ud800', '\udc00x']) {
      const { problems } = parseParticipationCsv(`${HEADER}\n${GOOD}\n${GOOD.replace(/,$/, `,note${bad}`)}\n`);
      expect(problems).toEqual([expect.objectContaining({ line: 3, column: 'sourceNote' })]);
    }
  });

  it('refuses unknown, repeated and missing columns in the header', () => {
    const { problems } = parseParticipationCsv(`${HEADER.replace('sourceNote', 'partyCode')},extra\n`);
    expect(problems.map((p) => `${p.line} ${p.column}`)).toEqual(['1 partyCode', '1 extra', '1 sourceNote']);
  });

  it('bounds the file: rows and bytes', () => {
    const many = `${HEADER}\n${`${GOOD}\n`.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseParticipationCsv(many).problems[0].message).toMatch(/more than 50000 rows/);
    expect(parseParticipationCsv('x'.repeat(6 * 1024 * 1024)).problems[0].message).toMatch(/larger than 5 MB/);
  });

  it('reports a file that is not CSV', () => {
    const { problems } = parseParticipationCsv(`${HEADER}\n"unclosed,x\n`);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'csv', message: expect.stringMatching(/not valid CSV/) }),
    ]);
  });
});
