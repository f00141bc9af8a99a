import { generateKeyPairSync, sign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSignedMou, extractVerifiedParts, verifySignedMouPackage, type PackageSigner } from '../../../main/documents';
import { tempDirectory } from '../../helpers';
import { sampleMou } from '../../unit/documents/fixtures';

const temp = tempDirectory('accord-signed-export-');
afterAll(() => temp.remove());

const keys = generateKeyPairSync('ed25519');
const signer: PackageSigner = { postId: 'post-tunis', postName: 'Embassy Tunis', publicKey: keys.publicKey, sign: (bytes) => sign(null, bytes, keys.privateKey) };

describe('signed MOU export, end to end', () => {
  it('holds the PDF, DOCX, HTML and draft; another post verifies it, reads the draft, and can open the PDF with ordinary tools', async () => {
    const document = sampleMou();
    const snapshot = { draft: { title: document.title.en }, clauses: [{ id: 'c1', position: 1, benchmarkIds: ['b1'] }], signatories: [] };
    const { bytes, warnings } = await exportSignedMou(document, signer, new Date('2026-03-02T09:30:00Z'), snapshot);
    expect(warnings).toEqual([]);
    const file = join(temp.path, 'mou-v3.accord-mou.zip');
    writeFileSync(file, bytes);

    const verified = verifySignedMouPackage(readFileSync(file), (postId) => (postId === 'post-tunis' ? keys.publicKey.export({ format: 'pem', type: 'spki' }).toString() : undefined));
    expect(verified.signer.postName).toBe('Embassy Tunis');
    expect(verified.document).toEqual(document);
    expect(verified.parts.map((p) => p.name)).toEqual(['mou.pdf', 'mou.docx', 'mou.html', 'draft.json', 'snapshot.json']);
    expect(verified.snapshot).toEqual(snapshot);

    // A person without Accord: any unzip, then any PDF reader.
    const pdfPath = join(temp.path, 'mou.pdf');
    writeFileSync(pdfPath, unzipSync(new Uint8Array(bytes))['mou.pdf']!);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })).toContain('SENSITIVE BUT UNCLASSIFIED');

    const out = join(temp.path, 'extracted');
    extractVerifiedParts(verified, out);
    expect(readFileSync(join(out, 'mou.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
