import { describe, expect, it } from 'vitest';
import { bylineProblems, isShouting, normalName, splitByline } from '#src/domain/names.ts';

describe('normal case', () => {
  it.each([
    ['JULIE VORMAN', 'Julie Vorman'],
    ['PATTI DOMM', 'Patti Domm'],
    ['GREG MCCUNE', 'Greg McCune'],
    ["MARK O'NEILL", "Mark O'Neill"],
    ["TED D'AFFLISIO", "Ted D'Afflisio"],
    ["TED d'AFFLISIO", "Ted D'Afflisio"],
    ['IAN MACKENZIE', 'Ian MacKenzie'],
    ['MYRA MACDONALD', 'Myra MacDonald'],
    ['ANA MACHADO', 'Ana Machado'],
    ['NAILENE CHOU-WIEST', 'Nailene Chou-Wiest'],
    ['LUDWIG VAN DER ROHE', 'Ludwig van der Rohe'],
    ['keith grant', 'Keith Grant'],
    ['Solange De Santis', 'Solange De Santis'],
    ['Chen Chien-kuo', 'Chen Chien-kuo'],
  ])('%s → %s', (name, expected) => expect(normalName(name)).toBe(expected));

  it('takes a spelling the archive already prints', () => {
    const known = new Map([['solange de santis', 'Solange De Santis']]);
    expect(normalName('SOLANGE DE SANTIS', known)).toBe('Solange De Santis');
    expect(normalName('SOLANGE DE SANTIS')).toBe('Solange de Santis');
  });

  it('tells capitals from names', () => {
    expect(isShouting('JULIE VORMAN')).toBe(true);
    expect(isShouting("TED d'AFFLISIO")).toBe(true);
    expect(isShouting('Julie Vorman')).toBe(false);
    expect(isShouting('Ian MacKenzie')).toBe(false);
  });
});

describe('two names in one byline', () => {
  it.each([
    ['PATRICK RIZZO AND PATTI DOMM', ['Patrick Rizzo', 'Patti Domm']],
    ['STEPHEN JUKES AND PHILIP SHEHADI', ['Stephen Jukes', 'Philip Shehadi']],
    ['Norma Cohen and Geert Linnebank', ['Norma Cohen', 'Geert Linnebank']],
    ['Allan Saunderson, Antonia Sharpe', ['Allan Saunderson', 'Antonia Sharpe']],
    ['Jonathan Lynn & Anthony Williams', ['Jonathan Lynn', 'Anthony Williams']],
    ['John Smith, Jr.', ['John Smith, Jr.']],
    ['Smith, John', ['Smith, John']],
    ['JOHN SMITH, JR. AND JANE DOE', ['John Smith, Jr.', 'Jane Doe']],
  ])('%s', (byline, names) => expect(splitByline(byline)).toEqual(names));
});

describe('the agency after a name', () => {
  it.each([
    ['Patti Domm, Reuter', ['Patti Domm']],
    ['Brad Schade Reuters', ['Brad Schade']],
    ['Colin Brinsden, Reuters.', ['Colin Brinsden']],
    ['Cal Mankowski, Reutersd', ['Cal Mankowski']],
    ['Walter Reuther', ['Walter Reuther']],
    ['By Huseyn Hasanov', ['Huseyn Hasanov']],
  ])('%s', (byline, names) => expect(splitByline(byline)).toEqual(names));
});

describe('what npm run check says', () => {
  it('suggests the list for two names', () => {
    expect(bylineProblems('PATRICK RIZZO AND PATTI DOMM')).toEqual([
      { kind: 'two-names', fix: ['Patrick Rizzo', 'Patti Domm'] },
    ]);
  });
  it('suggests normal case for capitals', () => {
    expect(bylineProblems('JULIE VORMAN')).toEqual([{ kind: 'capitals', fix: 'Julie Vorman' }]);
  });
  it('says nothing of a good byline', () => {
    expect(bylineProblems('Julie Vorman')).toEqual([]);
    expect(bylineProblems('Ian MacKenzie')).toEqual([]);
  });
});
