import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { WIRE_AGENCIES } from '#src/domain/agencies.ts';
import { isShouting, splitByline } from '#src/domain/names.ts';
import { isDayPart } from '#src/domain/places/dateline.ts';
import { REGION_ABBREVIATIONS } from '#src/domain/places/regions.ts';
import { readCorpus } from '../bench/corpus.ts';
import { corpusAvailable, corpusFile } from '../support/corpus.ts';

const site = inject('corpusSiteUrl');
const page = async (path: string) => (await fetch(`${site}${path}`)).text();
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const text = (html: string) => decode(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' '));
const isoCodes = new Set(
  (createRequire(import.meta.url)('i18n-iso-countries/codes.json') as string[][]).map(([alpha2]) =>
    alpha2!.toLowerCase(),
  ),
);

describe.skipIf(!corpusAvailable)('places and names on the Reuters archive', () => {
  it('places at least 97% of the stories with a dateline in a country', async () => {
    let dated = 0;
    for await (const record of readCorpus(corpusFile)) if (record.dateline?.trim()) dated++;
    const head = text(
      /<header class="page-head">[\s\S]*?<\/header>/.exec(await page('/places/'))![0],
    );
    const [, placed] = /([\d,]+) of [\d,]+ stories are filed under one/.exec(head)!;
    expect(Number(placed!.replace(/,/g, '')) / dated).toBeGreaterThanOrEqual(0.97);
  });

  it('groups by real countries only; no place is a date, a number or the agency', async () => {
    const html = await page('/places/');
    const countries = [...html.matchAll(/href="\/places\/countries\/([a-z]{2})\/"/g)].map(
      (m) => m[1]!,
    );
    expect(countries.length).toBeGreaterThan(90);
    expect(countries.filter((code) => !isoCodes.has(code))).toEqual([]);
    const headings = [...html.matchAll(/<h2 id="country-[a-z]{2}"[\s\S]*?<bdi>([^<]+)<\/bdi>/g)];
    // Not a state's abbreviation (`Calif.`), a date or the agency, as datelines read raw gave.
    const abbreviations = new Set(Object.values(REGION_ABBREVIATIONS).map((r) => r.ap));
    const names = headings.map((m) => m[1]!);
    expect(names.filter((name) => abbreviations.has(name) || /\d|Reuter/.test(name))).toEqual([]);
    const places = [
      ...html.matchAll(/<li><a href="\/places\/[^"]+\/"><bdi>([^<]+)<\/bdi><\/a>/g),
    ].map((m) => decode(m[1]!).split(', ')[0]!);
    expect(places.length).toBeGreaterThan(1000);
    const agencies = new Set(WIRE_AGENCIES.map((name) => name.toLowerCase()));
    expect(
      places.filter(
        (city) => /\d/.test(city) || isDayPart(city) || agencies.has(city.toLowerCase()),
      ),
    ).toEqual([]);
  });

  it('links every place from its country’s page, on a map or beyond its frame', async () => {
    const html = await page('/places/');
    const sections = html.split('<section class="term-group"').slice(1);
    let [places, drawn] = [0, 0];
    for (const section of sections) {
      const code = /href="\/places\/countries\/([a-z]{2})\/"/.exec(section)![1]!;
      const listed = [...section.matchAll(/<li><a href="(\/places\/[^"]+\/)"/g)].map((m) => m[1]);
      const country = await page(`/places/countries/${code}/`);
      const table = /<table class="map-table country-places"[\s\S]*?<\/table>/.exec(country)![0];
      const rows = [...table.matchAll(/<a href="(\/places\/[^"]+\/)"/g)].map((m) => m[1]);
      expect(rows.sort(), code).toEqual(listed.sort());
      const dots = [...country.matchAll(/<a href="(\/places\/[^"]+\/)"><title>/g)].map((m) => m[1]);
      expect(
        dots.every((href) => listed.includes(href)),
        code,
      ).toBe(true);
      places += listed.length;
      drawn += dots.length;
    }
    expect(places).toBeGreaterThan(1000);
    // Those beyond their country's frame (Honolulu, Anchorage) and those the gazetteer has no
    // position for (a town a dateline names with its state) are in the table alone.
    expect(drawn / places).toBeGreaterThan(0.9);
  });

  it('draws maps of at most 60 KB compressed', async () => {
    for (const path of ['/places/', '/places/countries/us/', '/places/countries/ca/']) {
      const svg = /<svg class="coverage-map"[\s\S]*?<\/svg>/.exec(await page(path))![0];
      expect(gzipSync(svg).length, path).toBeLessThan(60 * 1024);
    }
  });

  it('has no author in capitals and no author holding two names', async () => {
    const html = await page('/authors/');
    const authors = [...html.matchAll(/<a href="\/authors\/[^"]+\/"><bdi>([^<]+)<\/bdi>/g)].map(
      (m) => decode(m[1]!),
    );
    expect(authors.length).toBeGreaterThan(200);
    expect(authors.filter((name) => isShouting(name))).toEqual([]);
    expect(authors.filter((name) => splitByline(name).length !== 1)).toEqual([]);
    expect(authors.filter((name) => / and | & |Reuter/.test(name))).toEqual([]);
  });
});
