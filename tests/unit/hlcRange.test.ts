import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_WALL_MS, parseHlc, receiveHlc, tickHlc } from '../../shared/hlc';

describe('the clock stays inside the stamp format', () => {
  it('a counter past six digits carries into the wall time, and no stamp passes the largest wall time', () => {
    const full = { wallMs: 1_700_000_000_000, counter: 999_999 };
    expect(formatHlc(tickHlc(full, 0))).toBe(formatHlc({ wallMs: 1_700_000_000_001, counter: 0 }));
    expect(formatHlc(receiveHlc(full, full, 0))).toBe(formatHlc({ wallMs: 1_700_000_000_001, counter: 0 }));
    const last = { wallMs: MAX_WALL_MS, counter: 999_999 };
    const stamp = formatHlc(tickHlc(last, 0));
    expect(stamp).toMatch(/^\d{15}:\d{6}$/);
    expect(parseHlc(stamp).wallMs).toBe(MAX_WALL_MS);
  });
});
