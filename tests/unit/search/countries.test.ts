import { describe, expect, it } from 'vitest';
import { countryPlaces, labelCountry, placeCountryExceptions } from '#src/search/countries.ts';

const countries = [
  'Guinea',
  'Equatorial Guinea',
  'Sudan',
  'South Sudan',
  'Kuwait',
  'United States',
  'Korea, Republic of',
];

describe('a place’s country, from its label', () => {
  it('is the country that ends the label after a comma, or is the label', () => {
    expect(labelCountry('Birmingham, Alabama, United States', countries)).toBe('United States');
    expect(labelCountry('Kuwait', countries)).toBe('Kuwait');
    expect(labelCountry('Conakry, Guinea', countries)).toBe('Guinea');
    // A country whose name ends another's is not taken for it.
    expect(labelCountry('Malabo, Equatorial Guinea', countries)).toBe('Equatorial Guinea');
    expect(labelCountry('Juba, South Sudan', countries)).toBe('South Sudan');
    expect(labelCountry('Seoul, Korea, Republic of', countries)).toBe('Korea, Republic of');
    expect(labelCountry('Atlantis', countries)).toBeUndefined();
    expect(labelCountry('Guineaville', countries)).toBeUndefined();
  });

  it('is listed where the label names another, and the list is kept', () => {
    const pairs = [
      ['Ashgabat, Turkmenistan', 'Turkmenistan'],
      ['México', 'Mexico'],
      ['Juba, South Sudan', 'South Sudan'],
    ] as const;
    const known = ['Turkmenistan', 'Mexico', 'South Sudan'];
    const exceptions = placeCountryExceptions(pairs, known);
    expect(exceptions).toEqual({ México: 'Mexico' });
    expect(
      countryPlaces(
        pairs.map(([place]) => place),
        known,
        exceptions,
      ),
    ).toEqual(
      new Map([
        ['Turkmenistan', ['Ashgabat, Turkmenistan']],
        ['Mexico', ['México']],
        ['South Sudan', ['Juba, South Sudan']],
      ]),
    );
  });
});
