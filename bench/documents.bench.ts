import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportSignedMou, renderMouPdf, verifySignedMouPackage } from '../main/documents';
import { longMou } from '../tests/unit/documents/fixtures';
import { medianMs, reportRatio } from './measure';
import { watchPeak } from './report';

describe('MOU documents', () => {
  it('renders a 60-clause bilingual MOU to PDF (reference: the same clauses in English only)', async () => {
    const bilingual = longMou(60);
    const englishOnly = longMou(60, { language: 'en', layout: 'sequential' });
    const peak = watchPeak();
    const measuredMs = await medianMs(() => renderMouPdf(bilingual), { runs: 5 });
    const peakMiB = peak.peakMiB();
    const referenceMs = await medianMs(() => renderMouPdf(englishOnly), { runs: 5 });
    expect((await renderMouPdf(bilingual)).subarray(0, 5).toString()).toBe('%PDF-');
    reportRatio({ name: '60-clause bilingual MOU to PDF', measuredMs, referenceName: 'English-only PDF of the same clauses', referenceMs, goal: 3, peakMiB });
  });

  it('verifies a signed MOU file (references: hashing the same bytes, and hashing plus one signature check)', async () => {
    const keys = generateKeyPairSync('ed25519');
    const signer = { postId: 'post-a', postName: 'Post A', publicKey: keys.publicKey, sign: (bytes: Uint8Array) => sign(null, bytes, keys.privateKey) };
    const { bytes } = await exportSignedMou(longMou(60), signer, new Date('2026-03-02T09:30:00Z'));
    const signature = sign(null, bytes.subarray(0, 1024), keys.privateKey);
    const options = { runs: 51, warmup: 5 };
    const peak = watchPeak();
    const measuredMs = await medianMs(() => verifySignedMouPackage(bytes, () => keys.publicKey), options);
    const peakMiB = peak.peakMiB();
    const hashMs = await medianMs(() => createHash('sha256').update(bytes).digest(), options);
    const hashAndSignatureMs = await medianMs(() => {
      createHash('sha256').update(bytes).digest();
      verify(null, bytes.subarray(0, 1024), keys.publicKey, signature);
    }, options);
    const name = `verify a signed MOU file (${(bytes.length / 1024).toFixed(0)} KiB, 60 clauses)`;
    // Against the bare hash the fixed costs (signature, parsing the manifest and draft) dominate a file this small.
    reportRatio({ name, measuredMs, referenceName: 'SHA-256 of the same bytes', referenceMs: hashMs, goal: 20, peakMiB });
    reportRatio({ name, measuredMs, referenceName: 'SHA-256 of the same bytes + one Ed25519 verify', referenceMs: hashAndSignatureMs, goal: 5, peakMiB });
  });
});
