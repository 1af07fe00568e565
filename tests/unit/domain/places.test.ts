import { describe, expect, it } from 'vitest';
import { normalCase, parseDateline } from '#src/domain/places.ts';
import { termSlug } from '#src/domain/slug.ts';
import { foldKey } from '#src/domain/text.ts';

describe('parseDateline', () => {
  // Real datelines: the Trend seed, then the Reuters-21578 corpus as printed.
  it.each([
    ['ASHGABAT, Turkmenistan', 'Ashgabat, Turkmenistan', 'Ashgabat', 'Turkmenistan'],
    ['ASHGABAT, Turkmenistan, Nov. 19', 'Ashgabat, Turkmenistan', 'Ashgabat', 'Turkmenistan'],
    ['WASHINGTON, March 3', 'Washington', 'Washington', undefined],
    ['SALVADOR, Feb 26', 'Salvador', 'Salvador', undefined],
    ['NEW YORK, Feb 26', 'New York', 'New York', undefined],
    ['New York, Feb 26', 'New York', 'New York', undefined],
    ['NEW YORK, FEb 26', 'New York', 'New York', undefined],
    ['LOS ANGELES, Feb 26', 'Los Angeles', 'Los Angeles', undefined],
    ['BUENOS AIRES, Feb 26', 'Buenos Aires', 'Buenos Aires', undefined],
    ['SANTA CRUZ, Calif., Feb 26', 'Santa Cruz, Calif.', 'Santa Cruz', 'Calif.'],
    ['FORT LAUDERDALE, Fla., Feb 26', 'Fort Lauderdale, Fla.', 'Fort Lauderdale', 'Fla.'],
    [
      'RIO DE JANEIRO, Feb 26 - Brazil\'s "Cruzado" anti',
      'Rio de Janeiro',
      'Rio de Janeiro',
      undefined,
    ],
    ['ST. LOUIS, Feb 26', 'St. Louis', 'St. Louis', undefined],
    ['THE HAGUE, March 2 - Dutch imports of fat', 'The Hague', 'The Hague', undefined],
    ['KUALA LUMPUR, March 2', 'Kuala Lumpur', 'Kuala Lumpur', undefined],
    ['GOLDEN VALLEY, MINN., Feb 26', 'Golden Valley, Minn.', 'Golden Valley', 'Minn.'],
    ['FAIR LAWN, N.J., March 2', 'Fair Lawn, N.J.', 'Fair Lawn', 'N.J.'],
    ['RICHMOND, Va. Feb 26', 'Richmond, Va.', 'Richmond', 'Va.'],
    ['AMSTERDAM, 2 March', 'Amsterdam', 'Amsterdam', undefined],
    ['CHEVY CHASE, Md., - March 4', 'Chevy Chase, Md.', 'Chevy Chase', 'Md.'],
    ['CHICAGO, March 4,', 'Chicago', 'Chicago', undefined],
    ['La paz, march 4', 'La paz', 'La paz', undefined],
    ['CHICAGO, March  2', 'Chicago', 'Chicago', undefined],
    ['CLARKSBURG, W.Va., Feb 26', 'Clarksburg, W.Va.', 'Clarksburg', 'W.Va.'],
    ['WOODBRIDGE, N.J.', 'Woodbridge, N.J.', 'Woodbridge', 'N.J.'],
    ['TÜRKMENABAT, Turkmenistan', 'Türkmenabat, Turkmenistan', 'Türkmenabat', 'Turkmenistan'],
    ['AŞGABAT, Türkmenistan', 'Aşgabat, Türkmenistan', 'Aşgabat', 'Türkmenistan'],
    ['МОСКВА, Россия', 'Москва, Россия', 'Москва', 'Россия'],
    ['الدوحة، قطر', 'الدوحة، قطر', 'الدوحة', 'قطر'],
  ])('%s → %s', (dateline, label, city, country) => {
    expect(parseDateline(dateline)).toMatchObject({ label, city, country });
  });

  it('gives no place for an empty or date-only dateline', () => {
    expect(parseDateline(undefined)).toBeUndefined();
    expect(parseDateline('')).toBeUndefined();
    expect(parseDateline('March 3')).toBeUndefined();
  });

  it('gives spellings that differ in case or diacritics one key', () => {
    expect(parseDateline('TÜRKMENABAT, Turkmenistan')!.key).toBe(
      parseDateline('Turkmenabat, Turkmenistan')!.key,
    );
    expect(parseDateline('ST LOUIS, Feb 26')!.key).toBe(parseDateline('ST. LOUIS, March 1')!.key);
    expect(parseDateline('AŞGABAT, Türkmenistan')!.key).not.toBe(
      parseDateline('ASHGABAT, Turkmenistan')!.key,
    );
  });
});

describe('names and slugs', () => {
  it('put capitals in normal case and leave mixed case alone', () => {
    expect(normalCase('RIO DE JANEIRO')).toBe('Rio de Janeiro');
    expect(normalCase('WINSTON-SALEM')).toBe('Winston-Salem');
    expect(normalCase('McLean')).toBe('McLean');
    expect(foldKey('Türkmenabat')).toBe(foldKey('TURKMENABAT'));
  });

  it('spell every script in a URL', () => {
    expect(termSlug('Ashgabat, Turkmenistan')).toBe('ashgabat-turkmenistan');
    expect(termSlug('Москва, Россия')).toBe('moskva-rossiya');
    expect(termSlug('الدوحة, قطر')).toMatch(/^x-[0-9a-z]+$/);
    expect(termSlug('الدوحة, قطر')).toBe(termSlug('الدوحة, قطر'));
  });
});
