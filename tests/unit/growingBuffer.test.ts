import { describe, expect, it } from 'vitest';
import { GrowingBuffer } from '../../main/sync/growingBuffer';

/** A signed batch's JSON is built in one reused buffer (main/sync/service.ts): its bytes must be the text's UTF-8, exactly. */
describe('growing buffer', () => {
  it('holds the UTF-8 of everything appended, across growth and clears, for Arabic, emoji and a lone surrogate', () => {
    const buffer = new GrowingBuffer(8);
    const pieces = ['[', '"الأمن البحري"', ',', '"🇯🇴 training"', ',', JSON.stringify('x'.repeat(1000)), ',', '"\uD800"', ']'];
    for (const piece of pieces) buffer.append(piece);
    expect(buffer.bytes().equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    buffer.clear();
    expect(buffer.bytes().length).toBe(0);
    buffer.append('مذكرة');
    expect(buffer.bytes().toString('utf8')).toBe('مذكرة');
  });
});
