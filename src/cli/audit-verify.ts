// npm run audit:verify -- FILE   checks an export of the audit trail (npm run audit:export) without the database:
// recomputes every event's hash and link, one line at a time. Prints the verdict as JSON; exits 0 when the chain is
// valid, 1 when it is broken, 2 on a usage or reading error.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ChainVerifier, type ExportedEvent } from '../audit/audit-chain.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run audit:verify -- FILE\n');
  process.exit(2);
}

const verifier = new ChainVerifier();
let line = 0;
try {
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let event: ExportedEvent;
    try {
      event = JSON.parse(text) as ExportedEvent;
    } catch {
      verifier.fail(`line ${line}`, `line ${line} is not JSON`);
      break;
    }
    if (!verifier.add(event)) break;
  }
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const verdict = { ...verifier.verdict(), lastEventId: verifier.lastId, lastHash: verifier.lastHash };
process.stdout.write(JSON.stringify(verdict) + '\n');
process.exit(verdict.valid ? 0 : 1);
