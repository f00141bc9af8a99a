import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A failed fetch of link titles or picker choices (the local server busy or restarting) must not leave '…' or an
 * empty picker for good: after RETRY_AFTER_MS it is forgotten, so the next render asks again.
 */
const call = vi.fn();
vi.mock('../../../renderer/src/store', () => ({ api: { call: (...args: unknown[]) => call(...args) }, useUiStore: () => 'en' }));
const { RETRY_AFTER_MS, useChoicesStore } = await import('../../../renderer/src/planning/data');

const failed = { ok: false, error: { code: 'INTERNAL', message: { key: 'error.internal' } } };
const row = (id: string, title: string) => ({ id, title, name: title, nameAr: '' });
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  call.mockReset();
  useChoicesStore.getState().invalidate();
});
afterEach(() => vi.useRealTimers());

describe('titles and choices after a failed fetch', () => {
  it('a title asked by id that failed is asked again once the wait is over, and then shown', async () => {
    call.mockResolvedValueOnce(failed);
    useChoicesStore.getState().fetchTitles('partners', ['p-1']);
    await flush();
    expect(useChoicesStore.getState().extra.partners).toEqual({ 'p-1': null });
    // Within the wait the id counts as asked: a render in between does not call again.
    useChoicesStore.getState().fetchTitles('partners', ['p-1']);
    expect(call).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(useChoicesStore.getState().extra.partners).toEqual({});
    call.mockResolvedValueOnce({ ok: true, value: { rows: [row('p-1', 'Jordan')], total: 1 } });
    useChoicesStore.getState().fetchTitles('partners', ['p-1']);
    await flush();
    expect(call).toHaveBeenCalledTimes(2);
    expect(useChoicesStore.getState().extra.partners?.['p-1']?.title).toBe('Jordan');
  });

  it("a picker's failed load is forgotten after the wait, so it loads again; a good load stays", async () => {
    call.mockResolvedValueOnce(failed);
    useChoicesStore.getState().load('partners');
    await flush();
    expect(useChoicesStore.getState().byType.partners).toEqual({ rows: [], total: 0 });
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(useChoicesStore.getState().byType.partners).toBeUndefined();

    call.mockResolvedValueOnce({ ok: true, value: { rows: [row('p-1', 'Jordan')], total: 1 } });
    useChoicesStore.getState().load('partners');
    await flush();
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(useChoicesStore.getState().byType.partners).toMatchObject({ total: 1, rows: [{ id: 'p-1', title: 'Jordan' }] });
  });
});
