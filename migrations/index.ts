import { AuditHashChain1795983223000 } from './1795983223000-AuditHashChain.js';
import { IdentityAndAudit1795891664034 } from './1795891664034-IdentityAndAudit.js';
import { Initial1795889377162 } from './1795889377162-Initial.js';
import { Organizations1795972236514 } from './1795972236514-Organizations.js';
// Every migration, in order. `npm run migration:generate -- Name` appends new ones here.
export const migrations = [
  Initial1795889377162,
  IdentityAndAudit1795891664034,
  Organizations1795972236514,
  AuditHashChain1795983223000,
];
