/**
 * The parties a jurisdiction covers on a date, as SQL over a bound jurisdiction code and date: the party itself
 * and, when a country group has the same key (EU, AU), the group's members on that date. So the EU's regulator
 * covers systems deployed in the EU or in any state that is a member on the day; a national regulator, its own
 * country. Reads the countries module's membership table (a read join down, never a write).
 */
export function coveredParties(jurisdiction: string, onDate: string): string {
  return `(SELECT ${jurisdiction}::varchar
           UNION
           SELECT m.party_code FROM country_group_membership m
           WHERE m.group_key = ${jurisdiction}
             AND (m.valid_from IS NULL OR m.valid_from <= ${onDate}::date)
             AND (m.valid_to IS NULL OR m.valid_to > ${onDate}::date))`;
}

/** Whether the AI system `aiSystem` (an SQL expression) is deployed in a party the jurisdiction covers. */
export function systemInJurisdiction(aiSystem: string, jurisdiction: string, onDate: string): string {
  return `EXISTS (SELECT 1 FROM ai_system_deployment dep
                  WHERE dep.ai_system_id = ${aiSystem}
                    AND dep.party_code IN ${coveredParties(jurisdiction, onDate)})`;
}

/**
 * Whether the company `company` (an SQL expression for its id) is in the jurisdiction: incorporated in a covered
 * country, or with a system deployed in a covered party.
 */
export function companyInJurisdiction(company: string, jurisdiction: string, onDate: string): string {
  return `(EXISTS (SELECT 1 FROM company c WHERE c.id = ${company}
                   AND c.country_iso3 IN ${coveredParties(jurisdiction, onDate)})
           OR EXISTS (SELECT 1 FROM ai_system s WHERE s.company_id = ${company}
                      AND ${systemInJurisdiction('s.id', jurisdiction, onDate)}))`;
}

/**
 * The AI systems deployed in a party the jurisdiction covers, as a subquery for `x IN ${...}`. Kept out of the
 * planner's join search (`(x IN ...) IS TRUE`) it runs once and is probed as a hash, so that walking an ordered
 * index costs well under a microsecond a row however few of the rows are in the jurisdiction.
 */
export function systemsInJurisdiction(jurisdiction: string, onDate: string): string {
  return `(SELECT dep.ai_system_id FROM ai_system_deployment dep
           WHERE dep.party_code IN ${coveredParties(jurisdiction, onDate)})`;
}

/**
 * The jurisdictions whose rules apply in `jurisdiction` on the date: itself and the groups it is a member of then
 * (a member state of the EU on the day is bound by the EU's rules too).
 */
export function jurisdictionAuthorities(jurisdiction: string, onDate: string): string {
  return `(SELECT ${jurisdiction}::varchar
           UNION
           SELECT m.group_key FROM country_group_membership m
           WHERE m.party_code = ${jurisdiction}
             AND (m.valid_from IS NULL OR m.valid_from <= ${onDate}::date)
             AND (m.valid_to IS NULL OR m.valid_to > ${onDate}::date))`;
}
