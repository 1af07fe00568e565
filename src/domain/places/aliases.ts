/**
 * Dateline names GeoNames does not carry, by the GeoNames id of the place they mean: the halves
 * of Berlin before 1990 (GeoNames' `East Berlin` is a town in Pennsylvania), and the United
 * Nations headquarters, an international territory in New York. Checked before the gazetteer.
 */
export const PLACE_ALIASES: Readonly<Record<string, number>> = {
  'West Berlin': 2950159,
  'East Berlin': 2950159,
  'United Nations': 5128581,
};
