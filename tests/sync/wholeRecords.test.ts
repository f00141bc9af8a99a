import { describe, expect, it } from 'vitest';
import { wholeRecordsEnd } from '../../main/sync/service';

const change = (table: string, rowId: string) => ({ table, rowId });

describe('an import merges whole records', () => {
  it('holds back the record the pending changes end with, which the next batch may go on with', () => {
    // A check-in point whose title arrived in this batch and whose project and due date come in the next one.
    const pending = [change('projects', 'p1'), change('projects', 'p1'), change('check_ins', 'c1'), change('check_ins', 'c1')];
    expect(wholeRecordsEnd(pending)).toBe(2);
    expect(wholeRecordsEnd([...pending, change('check_ins', 'c2')])).toBe(4);
  });

  it('merges nothing while all that is pending is one record, and nothing of nothing', () => {
    expect(wholeRecordsEnd([change('check_ins', 'c1'), change('check_ins', 'c1')])).toBe(0);
    expect(wholeRecordsEnd([])).toBe(0);
  });

  it('tells records apart by table and id together', () => {
    // The same id in two tables is two records (ids are UUIDs, but the rule should not lean on that).
    expect(wholeRecordsEnd([change('projects', 'x'), change('check_ins', 'x')])).toBe(1);
  });
});
