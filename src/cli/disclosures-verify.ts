// npm run disclosures:verify -- FILE   checks the public ledger export (GET /exports/disclosures.jsonl) without the
// database: recomputes each filing's public hash (and, where nothing is confidential, its content hash) and each
// link to the company's filing before. Prints the verdict as JSON; exits 0 when valid, 1 when broken, 2 on a usage
// or reading error.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { LedgerVerifier, type LedgerEntry } from '../disclosures/ledger/ledger-verifier.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run disclosures:verify -- FILE\n');
  process.exit(2);
}

const verifier = new LedgerVerifier();
let line = 0;
try {
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let entry: LedgerEntry;
    try {
      entry = JSON.parse(text) as LedgerEntry;
    } catch {
      verifier.fail(`line ${line}`, `line ${line} is not JSON`);
      break;
    }
    // The export carries the public view only; the full content stays with the registry.
    delete entry.content;
    if (!verifier.add(entry)) break;
  }
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const verdict = verifier.verdict();
process.stdout.write(JSON.stringify(verdict) + '\n');
process.exit(verdict.valid ? 0 : 1);
