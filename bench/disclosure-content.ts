// What a generated filing says, as SQL building its canonical JSON text: valid at submission under the seeded
// templates (src/disclosures/templates/seed/), from row `f` of the planned filings (its number f.d picks the words),
// its system `gs` (name, purpose) and its company `gc` (name, domain).
import {
  canonicalSql,
  jsonArray,
  jsonBoolean,
  jsonObject,
  jsonScalarArray,
  jsonString,
  when,
  type CanonicalNode,
} from './canonical-sql.js';
import * as V from './disclosure-vocabulary.js';
import { at, below, expand, index, pick, textArray } from './generator-sql.js';

export interface TemplateSpec {
  key: string;
  weight: number;
  content: CanonicalNode;
  /** The field its confidential filings withhold (one the template allows), and why. */
  confidential: { path: string; reason: string };
}

const D = 'f.d';
/** The k-th item of a list in a filing. */
const item = (k: number) => `${D} * 4 + ${k}`;
const riskAt = (k: number) => index(V.RISKS.length, D, 11, k, 7);
const riskText = (k: number) =>
  at(
    V.RISKS.map(([text]) => text),
    riskAt(k),
  );
const mitigation = (k: number) => pick(V.MITIGATIONS, D, 12, k, 5);
const stakeholder = (k: number) => pick(V.STAKEHOLDERS, D, 21, k, 5);
const evaluation = (k: number) => pick(V.EVALUATIONS, D, 13, k, 2);
/** Half the filings list one item, four in ten two, one in ten three. */
const oneToThree = (seed: number) => `1 + (${below(D, seed, 10)} >= 5)::int + (${below(D, seed, 10)} >= 9)::int`;
/** An optional member, which two filings in five fill in. */
const optional = (seed: number, value: CanonicalNode) => when(`${below(D, seed, 5)} < 2`, value);
/** A run of `values` (in their order), from one of the first `starts` to one of the last `ends`. */
const run = (values: string, starts: number, ends: number, length: number, seed: number) =>
  `${values}[1 + ${below(D, seed, starts)}:${length - ends + 1} + ${below(D, seed + 1, ends)}]`;

const IMPACT_ASSESSMENT = jsonObject({
  summary: jsonString(
    `'This assessment covers ' || gs.name || ', a system used for ' || gs.purpose || '. The most significant risk identified is ' || ${riskText(0)} || ', addressed through ' || ${mitigation(0)} || '.'`,
  ),
  stakeholderGroups: jsonArray(
    [0, 1, 2].map((k) => {
      const consulted = `${below(item(k), 20, 4)} > 0`;
      return jsonObject({
        name: jsonString(stakeholder(k)),
        description: optional(80 + k, jsonString(pick(V.STAKEHOLDER_ROLES, item(k), 25))),
        vulnerable: jsonBoolean(`${below(item(k), 22, 3)} = 0`),
        consulted: jsonBoolean(consulted),
        consultationMethod: when(
          consulted,
          jsonString(`'Consulted through ' || ${pick(V.CONSULTATION_METHODS, item(k), 23)} || '.'`),
        ),
      });
    }),
    oneToThree(24),
  ),
  lifecycleStages: jsonScalarArray(run(textArray(V.STAGES_IN_ORDER), 3, 3, V.STAGES_IN_ORDER.length, 15)),
  risks: jsonArray(
    [0, 1, 2].map((k) =>
      jsonObject({
        category: jsonString(
          at(
            V.RISKS.map(([, category]) => category),
            riskAt(k),
          ),
        ),
        description: jsonString(`'Risk of ' || ${riskText(k)} || '.'`),
        lifecycleStage: optional(83 + k, jsonString(pick(V.STAGES_IN_ORDER, item(k), 26))),
        affectedGroups: optional(86 + k, jsonScalarArray(`ARRAY[${stakeholder(k)}]`)),
        likelihood: jsonString(pick(V.LIKELIHOODS, item(k), 17)),
        severity: jsonString(pick(V.SEVERITIES, item(k), 18)),
        mitigation: jsonString(`'We apply ' || ${mitigation(k)} || '.'`),
      }),
    ),
    oneToThree(19),
  ),
  humanOversight: jsonObject({
    mechanism: jsonString(pick(V.OVERSIGHT_MECHANISMS, D, 14)),
    description: jsonString(pick(V.OVERSIGHT, D, 16)),
    canOverride: optional(89, jsonBoolean(`${below(D, 27, 5)} > 0`)),
    escalationProcess: optional(90, jsonString(pick(V.ESCALATION, D, 28))),
  }),
});

const modelAt = index(V.MODELS.length, D, 31);
const TRANSPARENCY_REPORT = jsonObject({
  systemDescription: jsonObject({
    purpose: jsonString(`gs.name || ' is used for ' || gs.purpose || '. It is operated by ' || gc.name || '.'`),
    intendedUsers: jsonString(pick(V.INTENDED_USERS, D, 51)),
    outOfScopeUses: optional(52, jsonString(pick(V.OUT_OF_SCOPE_USES, D, 53))),
    modelType: jsonString(
      at(
        V.MODELS.map(([, type]) => type),
        modelAt,
      ),
    ),
    modelDescription: jsonString(
      `'The system is built on ' || ${at(
        V.MODELS.map(([text]) => text),
        modelAt,
      )} || '.'`,
    ),
  }),
  trainingData: jsonObject({
    sources: jsonArray(
      [0, 1, 2].map((k) => {
        const source = index(V.DATA_SOURCES.length, D, 32, k, 5);
        return jsonObject({
          name: jsonString(
            `initcap(left(${at(
              V.DATA_SOURCES.map(([name]) => name),
              source,
            )}, 1)) || substr(${at(
              V.DATA_SOURCES.map(([name]) => name),
              source,
            )}, 2)`,
          ),
          type: jsonString(
            at(
              V.DATA_SOURCES.map(([, type]) => type),
              source,
            ),
          ),
          provenance: jsonString(pick(V.PROVENANCE, item(k), 34)),
          containsPersonalData: jsonBoolean(
            `${at(
              V.DATA_SOURCES.map(([, , personal]) => String(personal)),
              source,
            )} = 'true'`,
          ),
          collectionPeriod: optional(91 + k, jsonString(pick(V.COLLECTION_PERIODS, item(k), 38))),
        });
      }),
      oneToThree(33),
    ),
    preprocessing: optional(94, jsonString(pick(V.PREPROCESSING, D, 39))),
  }),
  dataGovernance: jsonObject({
    dataProtectionMeasures: jsonString(
      `${pick(V.DATA_PROTECTION, D, 35, 0)} || ' ' || ${pick(V.DATA_PROTECTION, D, 35, 1)}`,
    ),
    legalBasis: optional(95, jsonString(pick(V.LEGAL_BASES, D, 54))),
    retentionPolicy: optional(96, jsonString(pick(V.RETENTION, D, 55))),
    qualityMeasures: optional(97, jsonString(pick(V.QUALITY, D, 56))),
  }),
  riskManagement: jsonObject({
    framework: jsonString(pick(V.FRAMEWORKS, D, 57)),
    practices: jsonString(
      `'Key risks include ' || ${riskText(0)} || ' and ' || ${riskText(1)} || '. They are mitigated through ' || ${mitigation(0)} || '.'`,
    ),
    testing: jsonString(`'Each release is tested through ' || ${evaluation(0)} || '.'`),
    incidentReporting: optional(98, jsonString(pick(V.INCIDENTS, D, 58))),
  }),
  performanceAndLimitations: jsonObject({
    metrics: optional(
      113,
      jsonArray(
        [0, 1].map((k) =>
          jsonObject({
            name: jsonString(pick(V.METRICS, D, 36, k)),
            value: jsonString(`'0.' || (80 + ${below(item(k), 40, 19)})`),
            dataset: jsonString(`'Held-out test set of ' || (2 + ${below(item(k), 42, 40)}) || ',000 cases'`),
          }),
        ),
        `1 + ${below(D, 41, 2)}`,
      ),
    ),
    knownLimitations: jsonString(`${pick(V.LIMITATIONS, D, 43, 0)} || ' ' || ${pick(V.LIMITATIONS, D, 43, 1)}`),
    evaluationMethod: optional(99, jsonString(`'Evaluated through ' || ${evaluation(1)} || '.'`)),
  }),
  contact: jsonObject({
    organisation: jsonString('gc.name'),
    email: jsonString(`'ai-transparency@' || gc.domain`),
    url: optional(100, jsonString(`'https://www.' || gc.domain`)),
  }),
});

const publishes = `${below(D, 64, 3)} > 0`;
const HAIP_REPORT = jsonObject({
  riskIdentification: jsonObject({
    riskClassification: jsonString(
      `'Risks are classified by likelihood and severity; the main ones for ' || gs.name || ' are ' || ${riskText(0)} || ' and ' || ${riskText(1)} || '.'`,
    ),
    identificationPractices: jsonString(
      `'Risks are identified through ' || ${evaluation(0)} || ' before and after deployment.'`,
    ),
    testingAndRedTeaming: jsonString(`'Each release is tested through ' || ${evaluation(1)} || '.'`),
    usesIncidentReports: jsonBoolean(`${below(D, 61, 3)} > 0`),
    thirdPartyEvaluation: optional(101, jsonBoolean(`${below(D, 62, 2)} = 0`)),
  }),
  riskManagement: jsonObject({
    mitigationMeasures: jsonString(`'We apply ' || ${mitigation(0)} || '.'`),
    informationSecurity: jsonString(pick(V.SECURITY, D, 42)),
    postDeploymentMonitoring: optional(102, jsonString(pick(V.MONITORING, D, 65))),
    vulnerabilityReporting: jsonString(pick(V.VULNERABILITY_REPORTING, D, 66)),
  }),
  transparencyReporting: jsonObject({
    publishesReports: jsonBoolean(publishes),
    reportUrl: when(publishes, jsonString(`'https://www.' || gc.domain || '/transparency'`)),
    capabilitiesAndLimitations: jsonString(
      `'The capabilities, limitations and appropriate uses of ' || gs.name || ' ' || ${pick(V.CAPABILITIES, D, 43)} || '.'`,
    ),
    userInformation: optional(103, jsonString(pick(V.USER_INFORMATION, D, 67))),
  }),
  organisationalGovernance: jsonObject({
    governancePolicies: jsonString(pick(V.GOVERNANCE, D, 44)),
    incidentManagement: jsonString(pick(V.INCIDENTS, D, 68)),
    privacyPolicyPublished: optional(104, jsonBoolean(`${below(D, 69, 10)} > 0`)),
    staffTraining: optional(105, jsonString(pick(V.STAFF_TRAINING, D, 70))),
  }),
  contentAuthentication: jsonObject({
    mechanisms: jsonScalarArray(run(textArray(V.MECHANISMS), 2, 2, V.MECHANISMS.length, 45)),
    description: optional(106, jsonString(pick(V.AUTHENTICATION, D, 47))),
    usersNotified: jsonBoolean(`${below(D, 46, 4)} > 0`),
  }),
  researchAndInvestment: jsonObject({
    safetyResearch: jsonString(pick(V.RESEARCH, D, 48)),
    areas: optional(107, jsonScalarArray(run(textArray(V.RESEARCH_AREAS), 3, 3, V.RESEARCH_AREAS.length, 71))),
    collaborations: optional(108, jsonString(pick(V.COLLABORATIONS, D, 73))),
    sharesResearch: optional(109, jsonBoolean(`${below(D, 74, 2)} = 0`)),
  }),
  humanAndGlobalInterests: jsonObject({
    globalChallenges: jsonString(
      `gs.name || ', used for ' || gs.purpose || ', is offered ' || ${pick(V.HUMAN_INTERESTS, D, 75)} || '.'`,
    ),
    sustainableDevelopmentGoals: optional(
      112,
      jsonScalarArray(run(`(ARRAY[${V.GOALS.join(',')}]::int[])`, 5, 4, V.GOALS.length, 76)),
    ),
    digitalLiteracy: optional(110, jsonString(pick(V.DIGITAL_LITERACY, D, 78))),
    stakeholderEngagement: optional(111, jsonString(pick(V.ENGAGEMENT, D, 79))),
  }),
});

/** The seeded templates (version 1), their share of the filings, and what their confidential filings withhold. */
export const TEMPLATES: TemplateSpec[] = [
  {
    key: 'unctad-impact-assessment',
    weight: 45,
    content: IMPACT_ASSESSMENT,
    confidential: { path: '/risks/0/mitigation', reason: 'TRADE_SECRET' },
  },
  {
    key: 'unctad-transparency-report',
    weight: 40,
    content: TRANSPARENCY_REPORT,
    confidential: { path: '/trainingData/sources', reason: 'TRADE_SECRET' },
  },
  {
    key: 'oecd-haip-reporting-framework',
    weight: 15,
    content: HAIP_REPORT,
    confidential: { path: '/riskManagement/informationSecurity', reason: 'SECURITY_RISK' },
  },
];
export const TEMPLATE_SLOTS = expand(TEMPLATES.map((template, index) => [String(index + 1), template.weight] as const));

/** SQL: `expression` by the filing's template (f.t, 1-based). */
const byTemplate = (expression: (template: TemplateSpec) => string) =>
  `(CASE f.t ${TEMPLATES.map((template, index) => `WHEN ${index + 1} THEN ${expression(template)}`).join(' ')} END)`;
export const CONTENT = byTemplate((template) => canonicalSql(template.content));
export const PUBLIC_CONTENT = byTemplate((template) => canonicalSql(template.content, [template.confidential.path]));
