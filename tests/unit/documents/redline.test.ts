import { describe, expect, it } from 'vitest';
import { changedClauses, diffWords, redlineClauses } from '../../../shared/documents/redline';
import { tokenize } from '../../../shared/documents/text';
import type { MouClause } from '../../../shared/documents/types';
import { sampleClauses } from './fixtures';

const changes = (segments: { op: string; text: string }[]) => segments.filter((s) => s.op !== 'equal');
const rebuild = (segments: { op: string; text: string }[], side: 'before' | 'after') =>
  segments.filter((s) => s.op === 'equal' || s.op === (side === 'before' ? 'delete' : 'insert')).map((s) => s.text).join('');

describe('word diff', () => {
  it('marks exactly the changed words', () => {
    const segments = diffWords('The working group shall meet 4 times a year.', 'The joint working group shall meet 6 times a year.');
    expect(changes(segments)).toEqual([
      { op: 'insert', text: 'joint ' },
      { op: 'delete', text: '4' },
      { op: 'insert', text: '6' },
    ]);
    expect(rebuild(segments, 'before')).toBe('The working group shall meet 4 times a year.');
    expect(rebuild(segments, 'after')).toBe('The joint working group shall meet 6 times a year.');
  });

  it('tokenises Arabic words with their diacritics and separates Arabic punctuation', () => {
    expect(tokenize('يُنشئ الطرفان، فريقًا')).toEqual(['يُنشئ', ' ', 'الطرفان', '،', ' ', 'فريقًا']);
    const segments = diffWords('يُنشئ الطرفان فريق عمل مشتركًا.', 'يُنشئ الطرفان فريق عمل دائمًا.');
    expect(changes(segments)).toEqual([
      { op: 'delete', text: 'مشتركًا' },
      { op: 'insert', text: 'دائمًا' },
    ]);
  });

  it('is empty of changes for equal text and reconstructs both sides for random edits', () => {
    expect(changes(diffWords('same words here', 'same words here'))).toEqual([]);
    const words = ['alpha', 'beta', 'gamma', 'delta', 'الطرفان', 'فريق', '4', '.'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const make = () => Array.from({ length: Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(' ');
      const a = make();
      const b = make();
      const segments = diffWords(a, b);
      expect(rebuild(segments, 'before')).toBe(a);
      expect(rebuild(segments, 'after')).toBe(b);
    }
  });
});

describe('clause redline', () => {
  it('lists exactly the added, removed and changed clauses, in reading order', () => {
    const before = sampleClauses();
    const after: MouClause[] = [
      before[0]!,
      { ...before[1]!, en: before[1]!.en.replace('4 times', '6 times'), ar: before[1]!.ar.replace('٤', '٦') },
      { id: 'c4', number: '3', en: 'Each Party shall bear its own costs.', ar: 'يتحمل كل طرف تكاليفه.' },
    ];
    const redline = redlineClauses(before, after);
    expect(redline.clauses.map((c) => [c.change, c.before?.id ?? null, c.after?.id ?? null])).toEqual([
      ['unchanged', 'c1', 'c1'],
      ['changed', 'c2', 'c2'],
      ['added', null, 'c4'],
      ['removed', 'c3', null],
    ]);
    const changed = changedClauses(redline);
    expect(changed).toHaveLength(3);
    expect(changes(changed[0]!.en)).toEqual([{ op: 'delete', text: '4' }, { op: 'insert', text: '6' }]);
    expect(changes(changed[0]!.ar)).toEqual([{ op: 'delete', text: '٤' }, { op: 'insert', text: '٦' }]);
    expect(changed[1]!.en).toEqual([{ op: 'insert', text: 'Each Party shall bear its own costs.' }]);
    expect(changed[2]!.ar).toEqual([{ op: 'delete', text: 'يُقيَّم التقدم بشكل مشترك عند كل نقطة مراجعة.' }]);
  });

  it('matches by id, so a renumbered clause is changed rather than removed and added', () => {
    const before = sampleClauses();
    const after = [before[0]!, before[2]!, before[1]!].map((clause, index) => ({ ...clause, number: String(index + 1) }));
    const changed = changedClauses(redlineClauses(before, after));
    expect(changed.map((c) => [c.change, c.after?.id, c.numberChanged])).toEqual([
      ['changed', 'c3', true],
      ['changed', 'c2', true],
    ]);
  });

  it('notices a changed heading even when the text is the same', () => {
    const before = sampleClauses();
    const after = sampleClauses().map((clause) => (clause.id === 'c3' ? { ...clause, heading: 'Joint assessment' } : clause));
    expect(changedClauses(redlineClauses(before, after)).map((c) => [c.after?.id, c.headingChanged])).toEqual([['c3', true]]);
  });

  it('matches by number when clauses carry no ids, and notices changed references', () => {
    const strip = (clauses: MouClause[]) => clauses.map(({ id: _id, ...rest }) => rest);
    const before = strip(sampleClauses());
    const after = strip(sampleClauses());
    after[1]!.references = ['Benchmark B-2'];
    const changed = changedClauses(redlineClauses(before, after));
    expect(changed.map((c) => [c.change, c.after?.number, c.referencesChanged])).toEqual([['changed', '2', true]]);
    expect(changedClauses(redlineClauses(before, before))).toEqual([]);
  });
});
