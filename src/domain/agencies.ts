/**
 * News agencies whose name the wire appends to a dateline (`WASHINGTON, March 12, Reuter`) or
 * a byline (`Patti Domm, Reuter`): a name to drop, never a place or a person.
 */
export const WIRE_AGENCIES = [
  'Reuter',
  'Reuters',
  'AP',
  'AFP',
  'UPI',
  'dpa',
  'Trend',
  'EFE',
  'ANSA',
  'Kyodo',
  'Xinhua',
  'Tass',
] as const;
