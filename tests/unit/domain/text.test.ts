import { describe, expect, it } from 'vitest';
import { compareStrings, count, foldKey, pad2, plural, stories } from '#src/domain/text.ts';

describe('text', () => {
  it('counts with the plural form, whatever the machine’s locale', () => {
    expect([stories(1), stories(0), stories(1204)]).toEqual([
      '1 story',
      '0 stories',
      '1,204 stories',
    ]);
    expect(count(2, 'calendar day', 'calendar days')).toBe('2 calendar days');
    expect([plural(1, 'Correction'), plural(3, 'Correction')]).toEqual([
      'Correction',
      'Corrections',
    ]);
  });

  it('pads months, days and hours to two digits', () => {
    expect([pad2(3), pad2(11), pad2('7')]).toEqual(['03', '11', '07']);
  });

  it('orders strings by code unit, the same on every machine', () => {
    expect(['zurich', 'aarhus', 'Zagreb', 'ångström'].sort(compareStrings)).toEqual([
      'Zagreb',
      'aarhus',
      'zurich',
      'ångström',
    ]);
  });

  it('folds case and diacritics into one key', () => {
    expect(foldKey('TÜRKMENABAT')).toBe(foldKey('Türkmenabat'));
    expect(foldKey('İstanbul')).toBe('istanbul');
  });
});
