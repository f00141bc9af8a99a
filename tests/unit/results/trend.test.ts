import { describe, expect, it } from 'vitest';
import { TREND_TOLERANCE, trendStatus, type TrendInput } from '../../../shared/results/trend';

/** 0 officers trained on 1 Jan 2026, 400 by 1 Jan 2028 (730 days): the line passes 200 on 1 Jan 2027. */
const trained: TrendInput = { unit: 'number', baseline: { date: '2026-01-01', value: '0' }, target: { date: '2028-01-01', value: '400' }, measured: [] };
const at = (value: string, date = '2027-01-01', input = trained) => trendStatus({ ...input, measured: [{ date, value }] });

describe('trend status against the straight line from baseline to target', () => {
  it('is on the line within the stated tolerance, either side', () => {
    expect(TREND_TOLERANCE).toBe(0.05);
    expect(at('200')).toMatchObject({ status: 'on', expected: 200, actual: 200, band: 20 });
    expect(at('220').status).toBe('on');
    expect(at('180').status).toBe('on');
  });

  it('is ahead past the band and behind short of it', () => {
    expect(at('221').status).toBe('ahead');
    expect(at('179').status).toBe('behind');
    expect(at('0', '2026-07-02').status).toBe('behind');
  });

  it('reads the latest measurement, whatever order they come in', () => {
    expect(trendStatus({ ...trained, measured: [{ date: '2027-01-01', value: '100' }, { date: '2026-04-01', value: '90' }] }).status).toBe('behind');
    expect(trendStatus({ ...trained, measured: [{ date: '2026-04-01', value: '90' }, { date: '2026-03-01', value: '10' }] })).toMatchObject({ status: 'ahead', date: '2026-04-01' });
  });

  it('runs to the periodic target in force, then from it to the target', () => {
    // 300 due on 1 Jan 2027: the line climbs fast in year one, slowly in year two.
    const front = { ...trained, periodicTargets: [{ date: '2027-01-01', value: '300' }] };
    expect(at('200', '2027-01-01', front)).toMatchObject({ status: 'behind', expected: 300, towards: { date: '2027-01-01', value: 300, periodic: true } });
    expect(at('150', '2026-07-02', front)).toMatchObject({ status: 'on', towards: { periodic: true } });
    expect(at('350', '2027-07-02', front)).toMatchObject({ status: 'on', towards: { date: '2028-01-01', value: 400, periodic: false } });
    // A periodic target that does not read as a number (kept as words by the migration) is left out.
    expect(at('200', '2027-01-01', { ...trained, periodicTargets: [{ date: '2027-01-01', value: '' }] }).status).toBe('on');
  });

  it('holds the target after its date and the baseline before the start', () => {
    expect(at('400', '2029-05-01')).toMatchObject({ status: 'on', expected: 400 });
    expect(at('380', '2029-05-01').status).toBe('on');
    expect(at('300', '2029-05-01').status).toBe('behind');
    expect(at('30', '2025-06-01')).toMatchObject({ status: 'ahead', expected: 0 });
  });

  it('goes down when the target is below the baseline (a percent of cases pending)', () => {
    const backlog: TrendInput = { unit: 'percent', baseline: { date: '2026-01-01', value: '60' }, target: { date: '2027-01-01', value: '20' }, measured: [] };
    // Halfway through the year the line is at 40.
    expect(at('30', '2026-07-02', backlog).status).toBe('ahead');
    expect(at('50', '2026-07-02', backlog).status).toBe('behind');
    expect(at('41', '2026-07-02', backlog).status).toBe('on');
  });

  it('gives no trend for yes/no and text benchmarks, or without a baseline, target or measured number', () => {
    expect(trendStatus({ unit: 'yes_no', baseline: { date: '2026-01-01', value: 'no' }, target: { date: '2027-01-01', value: 'yes' }, measured: [{ date: '2026-06-01', value: 'yes' }] })).toEqual({ status: 'none', reason: 'notNumeric' });
    expect(trendStatus({ unit: 'text', baseline: { date: '2026-01-01', value: 'Limited' }, target: { date: '2027-01-01', value: 'Adequate' }, measured: [] })).toEqual({ status: 'none', reason: 'notNumeric' });
    expect(trendStatus({ ...trained, baseline: { date: '', value: '0' } })).toEqual({ status: 'none', reason: 'noBaseline' });
    expect(trendStatus({ ...trained, baseline: { date: '2026-01-01', value: '' } })).toEqual({ status: 'none', reason: 'noBaseline' });
    expect(trendStatus({ ...trained, target: { date: '2025-01-01', value: '400' } })).toEqual({ status: 'none', reason: 'noTarget' });
    expect(trendStatus(trained)).toEqual({ status: 'none', reason: 'noMeasurement' });
    expect(at('')).toEqual({ status: 'none', reason: 'noMeasurement' });
  });
});
