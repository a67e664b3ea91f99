import { Readable } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * COPY's CSV format with a delimiter and a quote character that JSON text never holds raw (PostgreSQL escapes
 * every control character in JSON as \u00XX): each row comes out exactly as the query's one text column, then a
 * newline, with no escaping or quoting added.
 */
const VERBATIM = `(FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`;

/**
 * The rows of `select` (one text column: a JSON document per row) as a stream of bytes, one line per row, read
 * with COPY on a connection of its own: the rows arrive as Buffers and go out as they are, never decoded into
 * JavaScript strings, so the server's memory stays flat however many there are; the pool's connections stay free
 * for requests. Destroying the stream (the reader went away) closes the connection, which ends the statement.
 */
export async function copyOut(pool: pg.Pool, select: string): Promise<Readable> {
  const client = new pg.Client(pool.options);
  await client.connect();
  const rows = client.query(copyTo(`COPY (${select}) TO STDOUT WITH ${VERBATIM}`));
  let finished = false;
  rows.on('end', () => {
    finished = true;
    client.end().catch(() => undefined);
  });
  // Ended early (the reader left, or an error): the connection is cut, so PostgreSQL stops sending at once
  // instead of finishing the COPY into a stream nobody reads.
  rows.on('close', () => {
    if (!finished) (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  });
  client.on('error', (error) => rows.destroy(error));
  return rows;
}
