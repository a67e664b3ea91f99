import { DisclosureTemplateUse1795992444409 } from './1795992444409-DisclosureTemplateUse.js';
import { CertificationListIndexes1795992684100 } from './1795992684100-CertificationListIndexes.js';
import { ReviewQueue1795993258232 } from './1795993258232-ReviewQueue.js';
import { ComplianceIndexes1795993600000 } from './1795993600000-ComplianceIndexes.js';
import { ComplianceInputsVersion1795994000000 } from './1795994000000-ComplianceInputsVersion.js';
import { DisclosureSearchTable1795994100000 } from './1795994100000-DisclosureSearchTable.js';
import { Oversight1795991699048 } from './1795991699048-Oversight.js';
import { CompanySearch1795990651344 } from './1795990651344-CompanySearch.js';
import { DisclosureRegistry1795990089661 } from './1795990089661-DisclosureRegistry.js';
import { CountryProfiles1795981723707 } from './1795981723707-CountryProfiles.js';
import { Initiatives1795981563228 } from './1795981563228-Initiatives.js';
import { ApiKeyScopesAndSessions1795983405245 } from './1795983405245-ApiKeyScopesAndSessions.js';
import { AuditHashChain1795983223000 } from './1795983223000-AuditHashChain.js';
import { IdempotencyKeys1795983380472 } from './1795983380472-IdempotencyKeys.js';
import { IdentityAndAudit1795891664034 } from './1795891664034-IdentityAndAudit.js';
import { Initial1795889377162 } from './1795889377162-Initial.js';
import { Organizations1795972236514 } from './1795972236514-Organizations.js';
import { RegulatorNameUnique1795983380473 } from './1795983380473-RegulatorNameUnique.js';
import { ParticipationLiveIndex1795985067851 } from './1795985067851-ParticipationLiveIndex.js';
import { PrincipalChangeNotify1795994200000 } from './1795994200000-PrincipalChangeNotify.js';
import { ApiKeyChangeNotify1795994300000 } from './1795994300000-ApiKeyChangeNotify.js';
// Every migration, in order. `npm run migration:generate -- Name` appends new ones here.
export const migrations = [
  Initial1795889377162,
  IdentityAndAudit1795891664034,
  Organizations1795972236514,
  Initiatives1795981563228,
  CountryProfiles1795981723707,
  AuditHashChain1795983223000,
  IdempotencyKeys1795983380472,
  RegulatorNameUnique1795983380473,
  ApiKeyScopesAndSessions1795983405245,
  ParticipationLiveIndex1795985067851,
  DisclosureRegistry1795990089661,
  CompanySearch1795990651344,
  Oversight1795991699048,
  DisclosureTemplateUse1795992444409,
  CertificationListIndexes1795992684100,
  ReviewQueue1795993258232,
  ComplianceIndexes1795993600000,
  ComplianceInputsVersion1795994000000,
  DisclosureSearchTable1795994100000,
  PrincipalChangeNotify1795994200000,
  ApiKeyChangeNotify1795994300000,
];
