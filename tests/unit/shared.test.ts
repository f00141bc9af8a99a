import { describe, expect, it } from 'vitest';
import { compareStamps, formatHlc, parseHlc, receiveHlc, tickHlc } from '../../shared/hlc';
import { parseIssueMessage } from '../../shared/i18n/message';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { UUID_PATTERN, uuidv7 } from '../../shared/uuid';

describe('uuidv7', () => {
  it('is a version-7 UUID whose first 48 bits are the time', () => {
    const id = uuidv7(Date.UTC(2026, 10, 22));
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 22));
  });
  it('sorts by creation time and does not repeat', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('never repeats within one millisecond, across refills of its random pool', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    // the random tails themselves differ, not only the counter-free time prefix
    expect(new Set(ids.map((id) => id.slice(24))).size).toBe(ids.length);
  });
});

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    const first = tickHlc({ wallMs: 0, counter: 0 }, 5000);
    const second = tickHlc(first, 4000);
    expect(formatHlc(second) > formatHlc(first)).toBe(true);
    expect(parseHlc(formatHlc(second))).toEqual(second);
  });
  it('moves past a remote stamp it receives', () => {
    const local = { wallMs: 1000, counter: 3 };
    const remote = { wallMs: 9000, counter: 7 };
    const merged = receiveHlc(local, remote, 2000);
    expect(formatHlc(merged) > formatHlc(remote)).toBe(true);
  });
  it('breaks ties by post id, not by arrival', () => {
    expect(compareStamps({ hlc: 'a', postId: 'p1' }, { hlc: 'a', postId: 'p2' })).toBe(-1);
    expect(compareStamps({ hlc: 'b', postId: 'p1' }, { hlc: 'a', postId: 'p2' })).toBe(1);
  });
});


describe('partner and MOU draft rules (declared in the registry)', () => {
  const partnerInput = inputSchema(recordType('partners'));
  const mouDraftInput = inputSchema(recordType('mouDrafts'));
  /** An issue's catalog message, as key and params. */
  const carried = (message: string | undefined) => parseIssueMessage(message ?? '');
  it('rejects an empty or over-long partner name with catalog messages', () => {
    const empty = partnerInput.safeParse({ name: '   ' });
    expect(empty.success).toBe(false);
    expect(carried(empty.error?.issues[0]?.message)).toEqual({ key: 'validation.required' });
    const long = partnerInput.safeParse({ name: 'x'.repeat(121) });
    expect(carried(long.error?.issues[0]?.message)).toEqual({ key: 'validation.tooLong', params: { max: 120 } });
  });
  it('normalises a country code and refuses a malformed one', () => {
    expect((partnerInput.parse({ name: 'Tunisia', isoCode: ' tn ' }) as { isoCode: string }).isoCode).toBe('TN');
    expect(carried(partnerInput.safeParse({ name: 'Tunisia', isoCode: 'T1' }).error?.issues[0]?.message)).toEqual({ key: 'validation.invalidCode' });
  });
  it('requires a partner on an MOU draft and bounds every text', () => {
    const result = mouDraftInput.safeParse({ title: '', partnerId: '', sector: 'police', summary: 'x'.repeat(4001) });
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], carried(issue.message)?.key]));
    expect(byField).toEqual({ title: 'validation.required', partnerId: 'validation.partnerRequired', summary: 'validation.tooLong' });
  });
});
