/**
 * The abbreviations wire services print for first-level regions in datelines (AP style for the
 * United States, Canadian Press for Canada, Australian usage for Australia), keyed by GeoNames
 * admin1 code. Region names themselves come from GeoNames; only what no maintained data set
 * holds is typed here: no package carries AP abbreviations for all three federations, and
 * GeoNames codes Canada's and Australia's regions by number, so their ISO 3166-2 letters are
 * here too. States that AP spells out (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah)
 * have no entry. Variants (`Tex.`, `Penn.`, `Wisc.`) are matched as prefixes of the name.
 */
export const REGION_ABBREVIATIONS: Readonly<Record<string, { ap: string; iso?: string }>> = {
  'US.AL': { ap: 'Ala.' },
  'US.AZ': { ap: 'Ariz.' },
  'US.AR': { ap: 'Ark.' },
  'US.CA': { ap: 'Calif.' },
  'US.CO': { ap: 'Colo.' },
  'US.CT': { ap: 'Conn.' },
  'US.DE': { ap: 'Del.' },
  'US.DC': { ap: 'D.C.' },
  'US.FL': { ap: 'Fla.' },
  'US.GA': { ap: 'Ga.' },
  'US.IL': { ap: 'Ill.' },
  'US.IN': { ap: 'Ind.' },
  'US.KS': { ap: 'Kan.' },
  'US.KY': { ap: 'Ky.' },
  'US.LA': { ap: 'La.' },
  'US.MD': { ap: 'Md.' },
  'US.MA': { ap: 'Mass.' },
  'US.MI': { ap: 'Mich.' },
  'US.MN': { ap: 'Minn.' },
  'US.MS': { ap: 'Miss.' },
  'US.MO': { ap: 'Mo.' },
  'US.MT': { ap: 'Mont.' },
  'US.NE': { ap: 'Neb.' },
  'US.NV': { ap: 'Nev.' },
  'US.NH': { ap: 'N.H.' },
  'US.NJ': { ap: 'N.J.' },
  'US.NM': { ap: 'N.M.' },
  'US.NY': { ap: 'N.Y.' },
  'US.NC': { ap: 'N.C.' },
  'US.ND': { ap: 'N.D.' },
  'US.OK': { ap: 'Okla.' },
  'US.OR': { ap: 'Ore.' },
  'US.PA': { ap: 'Pa.' },
  'US.RI': { ap: 'R.I.' },
  'US.SC': { ap: 'S.C.' },
  'US.SD': { ap: 'S.D.' },
  'US.TN': { ap: 'Tenn.' },
  'US.VT': { ap: 'Vt.' },
  'US.VA': { ap: 'Va.' },
  'US.WA': { ap: 'Wash.' },
  'US.WV': { ap: 'W.Va.' },
  'US.WI': { ap: 'Wis.' },
  'US.WY': { ap: 'Wyo.' },
  'CA.01': { ap: 'Alta.', iso: 'AB' },
  'CA.02': { ap: 'B.C.', iso: 'BC' },
  'CA.03': { ap: 'Man.', iso: 'MB' },
  'CA.04': { ap: 'N.B.', iso: 'NB' },
  'CA.05': { ap: 'N.L.', iso: 'NL' },
  'CA.07': { ap: 'N.S.', iso: 'NS' },
  'CA.08': { ap: 'Ont.', iso: 'ON' },
  'CA.09': { ap: 'P.E.I.', iso: 'PE' },
  'CA.10': { ap: 'Que.', iso: 'QC' },
  'CA.11': { ap: 'Sask.', iso: 'SK' },
  'CA.12': { ap: 'Y.T.', iso: 'YT' },
  'CA.13': { ap: 'N.W.T.', iso: 'NT' },
  'CA.14': { ap: 'Nunavut', iso: 'NU' },
  'AU.01': { ap: 'A.C.T.', iso: 'ACT' },
  'AU.02': { ap: 'N.S.W.', iso: 'NSW' },
  'AU.03': { ap: 'N.T.', iso: 'NT' },
  'AU.04': { ap: 'Qld.', iso: 'QLD' },
  'AU.05': { ap: 'S.A.', iso: 'SA' },
  'AU.06': { ap: 'Tas.', iso: 'TAS' },
  'AU.07': { ap: 'Vic.', iso: 'VIC' },
  'AU.08': { ap: 'W.A.', iso: 'WA' },
};

/** Older forms still on the wire, where the current one is no prefix of the name. */
export const REGION_VARIANTS: Readonly<Record<string, string>> = { 'CA.05': 'Nfld.' };

/** The countries whose regions the abbreviations above, and prefixes of names, may stand for. */
export const ABBREVIATING_COUNTRIES = ['US', 'CA', 'AU'] as const;

/** Territories that ISO 3166-1 counts as countries and the wire abbreviates like states. */
export const COUNTRY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'P.R.': 'PR',
  'V.I.': 'VI',
};
