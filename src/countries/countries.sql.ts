/** Columns of `country c` under the property names of the Country GraphQL type. */
export const COUNTRY_COLUMNS = `c.iso3, c.iso2, c.numeric_code AS "numericCode", c.name, c.official_name AS "officialName",
  c.region, c.subregion, c.intermediate_region AS "intermediateRegion", c.un_member AS "unMember",
  c.development_status AS "developmentStatus"`;

export const PARTY_COLUMNS = `p.code, p.kind, p.name`;
