import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import type { DisclosureLedgerRepository } from './disclosure-ledger.repository.js';
import { DisclosureLedgerService } from './disclosure-ledger.service.js';

/** A ledger whose exports stay open until the test closes them, as a slow reader keeps one open. */
function ledgerWithOpenExports() {
  const streams: PassThrough[] = [];
  const repository = {
    exportStream: () => {
      const stream = new PassThrough();
      streams.push(stream);
      return Promise.resolve(stream);
    },
  } as unknown as DisclosureLedgerRepository;
  return { service: new DisclosureLedgerService(repository), streams };
}

describe('the disclosures export', () => {
  it('streams to two readers at once, refuses a third, and serves again once one has finished', async () => {
    const { service, streams } = ledgerWithOpenExports();
    expect(await service.exportLines()).not.toBeNull();
    expect(await service.exportLines()).not.toBeNull();
    expect(await service.exportLines()).toBeNull();

    streams[0].destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await service.exportLines()).not.toBeNull();
    expect(await service.exportLines()).toBeNull();
  });

  it('frees the place of an export that could not start', async () => {
    const failing = {
      exportStream: () => Promise.reject(new Error('no connection')),
    } as unknown as DisclosureLedgerRepository;
    const service = new DisclosureLedgerService(failing);
    for (let i = 0; i < 3; i += 1) await expect(service.exportLines()).rejects.toThrow('no connection');
  });
});
