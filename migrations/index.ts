import { IdempotencyKeys1795983380472 } from './1795983380472-IdempotencyKeys.js';
import { IdentityAndAudit1795891664034 } from './1795891664034-IdentityAndAudit.js';
import { Initial1795889377162 } from './1795889377162-Initial.js';
import { Organizations1795972236514 } from './1795972236514-Organizations.js';
import { RegulatorNameUnique1795983380473 } from './1795983380473-RegulatorNameUnique.js';
// Every migration, in order. `npm run migration:generate -- Name` appends new ones here.
export const migrations = [
  Initial1795889377162,
  IdentityAndAudit1795891664034,
  Organizations1795972236514,
  IdempotencyKeys1795983380472,
  RegulatorNameUnique1795983380473,
];
