import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../main/sync/bundle';
import { callOk, openTestApp, tempDirectory } from '../helpers';

/**
 * A bundle written before bundles named their key in hex (its header carries the key in base64), with the
 * public key file of the post that made it: it still verifies, is trusted and imports.
 */
const fixtures = join(__dirname, '..', 'fixtures', 'sync');
const dir = tempDirectory();
afterAll(() => dir.remove());

describe('a bundle made by the previous version', () => {
  it('verifies, names its key in hex like a signed MOU file, and imports', async () => {
    const bytes = readFileSync(join(fixtures, 'legacy.accord-bundle'));
    const key = JSON.parse(readFileSync(join(fixtures, 'legacy.key.json'), 'utf8')) as { publicKey: string; fingerprint: string };
    const header = JSON.parse(bytes.subarray(49, 49 + bytes.readUInt32BE(41)).toString('utf8')) as { sender: { publicKey: string } };
    expect(header.sender.publicKey).toBe(key.publicKey); // base64, as that version wrote it
    const verified = verifyBundle(bytes);
    expect(verified.header.sender.publicKey).toBe(Buffer.from(key.publicKey, 'base64').toString('hex'));

    const app = openTestApp(join(dir.path, 'receiver.sqlite'));
    const { uploadId } = await callOk<{ uploadId: string; kind: string }>(app, 'sync.upload', { bytes });
    await callOk(app, 'sync.peers.trust', { uploadId, fingerprint: key.fingerprint });
    const inspection = await callOk<{ trust: string; preview: { changes: number } }>(app, 'sync.inspect', { uploadId });
    // Of its 2,254 changes, 78 are to the free-text result columns that version still had (measured values,
    // periodic targets): they are dropped on arrival, the rest apply.
    const current = 2254 - 78;
    expect(inspection).toMatchObject({ trust: 'trusted', preview: { changes: current } });
    const report = await callOk<{ status: string; summary: { applied: number } }>(app, 'sync.import', { uploadId });
    expect(report).toMatchObject({ status: 'applied', summary: { applied: current } });
    expect(app.context.store.db.prepare("SELECT COUNT(*) FROM field_changes WHERE column_name IN ('measured_values', 'periodic_targets')").pluck().get()).toBe(0);
    app.close();
  }, 60_000);
});
