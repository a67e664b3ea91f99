// The words and phrases the disclosure generator combines (bench/generate-disclosures.ts). Weighted lists are
// [value, weight] pairs: a value is picked in proportion to its weight. Phrases are plain text with no quotes, so
// that the text reads like a filing and full-text search meets realistic selectivity: "facial recognition" is in
// the purposes of about 1.7% of the systems (three purposes), and so in about as many filings.

export type Weighted<T = string> = readonly (readonly [T, number])[];

/** Where companies are incorporated: big economies first, every other country once. */
export const INCORPORATION: Weighted = [
  ['USA', 200],
  ['CHN', 90],
  ['GBR', 70],
  ['DEU', 65],
  ['JPN', 60],
  ['IND', 60],
  ['FRA', 50],
  ['CAN', 40],
  ['KOR', 35],
  ['NLD', 25],
  ['BRA', 25],
  ['AUS', 20],
  ['ITA', 20],
  ['ESP', 20],
  ['SGP', 20],
  ['CHE', 18],
  ['SWE', 18],
  ['ISR', 15],
  ['IRL', 12],
  ['FIN', 8],
  ['DNK', 8],
  ['POL', 8],
  ['BEL', 8],
  ['AUT', 8],
  ['MEX', 8],
  ['ARE', 8],
  ['IDN', 6],
  ['TUR', 6],
  ['SAU', 6],
  ['ZAF', 6],
  ['NGA', 5],
  ['KEN', 5],
  ['EGY', 4],
  ['ARG', 4],
  ['CHL', 4],
  ['VNM', 4],
  ['MYS', 4],
  ['THA', 4],
  ['PHL', 3],
  ['NZL', 3],
  ['NOR', 4],
  ['PRT', 4],
  ['CZE', 3],
  ['EST', 3],
];

/** Where systems are deployed: the EU and big economies first, every other party once. */
export const DEPLOYMENT: Weighted = [
  ['EU', 150],
  ['USA', 150],
  ['CHN', 55],
  ['GBR', 50],
  ['DEU', 45],
  ['JPN', 40],
  ['IND', 40],
  ['FRA', 35],
  ['CAN', 30],
  ['KOR', 25],
  ['BRA', 25],
  ['AUS', 20],
  ['ITA', 15],
  ['ESP', 15],
  ['NLD', 15],
  ['SGP', 15],
  ['CHE', 10],
  ['SWE', 10],
  ['MEX', 10],
  ['IDN', 10],
  ['ARE', 10],
  ['POL', 8],
  ['IRL', 8],
  ['SAU', 8],
  ['ISR', 8],
  ['TUR', 8],
  ['ZAF', 8],
  ['NGA', 6],
  ['KEN', 6],
  ['EGY', 5],
  ['AU', 3],
];

export const SECTORS: Weighted = [
  ['Financial services', 14],
  ['Health care', 11],
  ['Retail and e-commerce', 10],
  ['Software and IT services', 16],
  ['Manufacturing', 9],
  ['Transport and logistics', 6],
  ['Energy and utilities', 4],
  ['Telecommunications', 4],
  ['Insurance', 5],
  ['Public administration', 3],
  ['Education', 3],
  ['Media and entertainment', 4],
  ['Agriculture', 2],
  ['Automotive', 3],
  ['Real estate', 2],
  ['Legal services', 2],
  ['Human resources services', 2],
];

// Company names: 60 x 45 x 40 = 108,000 distinct names (an injective mix of the company's number), with a legal
// form after them. A few carry letters outside ASCII, as real names do.
export const NAME_FIRST = [
  'Aurora',
  'Nordwind',
  'Bluepeak',
  'Helix',
  'Quantum',
  'Cobalt',
  'Meridian',
  'Sable',
  'Vertex',
  'Lumen',
  'Granite',
  'Harbor',
  'Juniper',
  'Kestrel',
  'Lattice',
  'Mosaic',
  'Nimbus',
  'Onyx',
  'Polaris',
  'Quill',
  'Redwood',
  'Solstice',
  'Tundra',
  'Umber',
  'Vantage',
  'Willow',
  'Xenon',
  'Yarrow',
  'Zenith',
  'Atlas',
  'Beacon',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Glacier',
  'Horizon',
  'Iris',
  'Jasper',
  'Krypton',
  'Linden',
  'Magnolia',
  'Nexus',
  'Orchid',
  'Pioneer',
  'Quasar',
  'Riverstone',
  'Sierra',
  'Tessellate',
  'Unity',
  'Vireo',
  'Wavelength',
  'Åland',
  'Élan',
  'Zürich Lake',
  'São Bento',
  'Kōyō',
  'Ørsted Bay',
  'Mistral',
  'Saffron',
];
export const NAME_SECOND = [
  'Analytics',
  'Robotics',
  'Health',
  'Mobility',
  'Finance',
  'Logistics',
  'Vision',
  'Labs',
  'Systems',
  'Data',
  'Insight',
  'Signal',
  'Cloud',
  'Energy',
  'Bio',
  'Learning',
  'Semantics',
  'Sensing',
  'Metrics',
  'Automation',
  'Markets',
  'Retail',
  'Security',
  'Media',
  'Voice',
  'Maps',
  'Genomics',
  'Capital',
  'Care',
  'Agritech',
  'Compute',
  'Forecasting',
  'Language',
  'Imaging',
  'Payments',
  'Trust',
  'Foundry',
  'Pathways',
  'Grid',
  'Motion',
  'Atlas',
  'Orbit',
  'Quantitative',
  'Cognition',
  'Software',
];
export const NAME_THIRD = [
  'Group',
  'Technologies',
  'Solutions',
  'Partners',
  'Industries',
  'Networks',
  'Dynamics',
  'Works',
  'Digital',
  'Intelligence',
  'Holdings',
  'Ventures',
  'Services',
  'International',
  'Global',
  'Research',
  'Collective',
  'Innovations',
  'Platforms',
  'Studio',
  'Engineering',
  'Consulting',
  'Enterprises',
  'Sciences',
  'Applications',
  'Interactive',
  'Operations',
  'Institute',
  'Alliance',
  'Company',
  'Associates',
  'Hub',
  'Exchange',
  'Factory',
  'Foundation',
  'Systems Integration',
  'Products',
  'Laboratories',
  'Brands',
  'Union',
];

/** The legal form after the name, by country of incorporation ('' elsewhere: a generic one). */
export const LEGAL_FORMS: Record<string, readonly string[]> = {
  USA: ['Inc.', 'LLC', 'Corp.'],
  GBR: ['Ltd', 'plc', 'LLP'],
  DEU: ['GmbH', 'AG', 'SE'],
  FRA: ['SAS', 'SA'],
  JPN: ['K.K.', 'G.K.'],
  NLD: ['B.V.', 'N.V.'],
  CHE: ['AG', 'SA'],
  SWE: ['AB'],
  ITA: ['S.p.A.', 'S.r.l.'],
  ESP: ['S.L.', 'S.A.'],
  '': ['Ltd', 'Limited', 'S.A.', 'Pte. Ltd.'],
};

/** Local operating units that issue LEIs (the first four characters). */
export const LEI_ISSUERS = ['5493', '2138', '5299', '9845', '8945', '3912', '7245', '6354', '9695', '2549'];

/** What a system is for, and the risk tier that goes with it. */
export const PURPOSES: Weighted<readonly [string, 'MINIMAL' | 'LIMITED' | 'HIGH' | 'UNACCEPTABLE']> = [
  [['credit scoring for consumer loans', 'HIGH'], 30],
  [['facial recognition for building access control', 'HIGH'], 6],
  [['facial recognition for passenger boarding at airports', 'HIGH'], 5],
  [['emotion recognition from facial expressions in video interviews', 'UNACCEPTABLE'], 4],
  [['resume screening and ranking of job applicants', 'HIGH'], 30],
  [['fraud detection in card payments', 'LIMITED'], 40],
  [['triage of medical images in radiology', 'HIGH'], 25],
  [['customer service chatbot for account questions', 'LIMITED'], 60],
  [['predictive maintenance of industrial equipment', 'MINIMAL'], 45],
  [['demand forecasting for retail inventory', 'MINIMAL'], 45],
  [['moderation of user-generated posts and comments', 'LIMITED'], 30],
  [['speech recognition for call centre transcription', 'LIMITED'], 30],
  [['route optimisation for delivery fleets', 'MINIMAL'], 35],
  [['assessment of insurance claims', 'HIGH'], 20],
  [['anti-money laundering transaction monitoring', 'HIGH'], 25],
  [['prediction of student performance and dropout', 'HIGH'], 12],
  [['biometric identity verification during customer onboarding', 'HIGH'], 15],
  [['crop yield prediction from satellite imagery', 'MINIMAL'], 15],
  [['load forecasting for the electricity grid', 'MINIMAL'], 15],
  [['perception for driver assistance and automated driving', 'HIGH'], 12],
  [['screening of drug discovery candidates', 'MINIMAL'], 10],
  [['review of contracts and legal documents', 'LIMITED'], 20],
  [['machine translation of public service information', 'LIMITED'], 15],
  [['selection of tax returns for audit', 'HIGH'], 6],
  [['eligibility assessment for social welfare benefits', 'HIGH'], 6],
  [['hotspot prediction for police patrols', 'HIGH'], 3],
  [['risk scoring of hospital readmissions', 'HIGH'], 12],
  [['code generation assistant for software developers', 'LIMITED'], 35],
  [['general-purpose large language model offered through an API', 'LIMITED'], 20],
  [['image generation for marketing content', 'LIMITED'], 20],
  [['personalised recommendation of news articles', 'LIMITED'], 25],
  [['dynamic pricing in online retail', 'MINIMAL'], 25],
  [['intrusion detection in enterprise networks', 'MINIMAL'], 25],
  [['early wildfire detection from camera networks', 'MINIMAL'], 6],
  [['screening of tenants for rental housing', 'HIGH'], 8],
  [['workforce scheduling and task allocation', 'LIMITED'], 20],
  [['sentiment analysis of customer feedback', 'MINIMAL'], 30],
  [['classification of documents in digital archives', 'MINIMAL'], 20],
  [['visual quality inspection on manufacturing lines', 'MINIMAL'], 30],
  [['voice assistant for in-car controls', 'LIMITED'], 12],
  [['summarisation of clinical notes for physicians', 'HIGH'], 10],
  [['detection of synthetic media and deepfakes', 'LIMITED'], 8],
  [['monitoring of employee productivity', 'HIGH'], 6],
  [['age estimation for access to online services', 'HIGH'], 5],
];

export const SYSTEM_NAME_FIRST = [
  'Sentinel',
  'Atlas',
  'Clarity',
  'Pulse',
  'Beacon',
  'Vector',
  'Orion',
  'Prism',
  'Scout',
  'Harmony',
  'Keystone',
  'Echo',
  'Falcon',
  'Compass',
  'Nova',
  'Relay',
  'Tempo',
  'Insight',
  'Guardian',
  'Spark',
];
export const SYSTEM_NAME_SECOND = [
  'Assist',
  'Score',
  'Match',
  'Detect',
  'Forecast',
  'Vision',
  'Guard',
  'Flow',
  'Sense',
  'Chat',
  'Review',
  'Route',
  'Triage',
  'Lens',
  'Voice',
  'Check',
  'Rank',
  'Signal',
  'Core',
  'Pilot',
];

export const ORGANIZATION_ROLES: Weighted = [
  ['DEPLOYER', 55],
  ['APPLICATION_DEVELOPER', 30],
  ['MODEL_DEVELOPER', 15],
];

export const LIFECYCLE_STAGES: Weighted = [
  ['DEPLOYMENT', 50],
  ['MONITORING', 25],
  ['VALIDATION', 10],
  ['DEVELOPMENT', 8],
  ['DATA', 3],
  ['DESIGN', 2],
  ['RETIREMENT', 2],
];

/** The life cycle in order: an impact assessment covers a run of it. */
export const STAGES_IN_ORDER = [
  'DESIGN',
  'DATA',
  'DEVELOPMENT',
  'VALIDATION',
  'DEPLOYMENT',
  'MONITORING',
  'RETIREMENT',
];

// The content vocabulary follows the seeded templates' schemas (src/disclosures/templates/seed/), so that every
// generated filing is one the registry would accept at submission.

/** A risk as a filer describes it, with the impact assessment's category for it. */
export const RISKS: readonly (readonly [string, string])[] = [
  ['algorithmic bias against protected groups', 'BIAS_AND_DISCRIMINATION'],
  ['disclosure of personal data through model outputs', 'PRIVACY_AND_DATA_PROTECTION'],
  ['misidentification of individuals', 'HUMAN_RIGHTS'],
  ['model drift after deployment', 'SAFETY'],
  ['adversarial manipulation of inputs', 'SECURITY'],
  ['lack of explainability of individual decisions', 'TRANSPARENCY_AND_EXPLAINABILITY'],
  ['automation bias and over-reliance by human operators', 'SAFETY'],
  ['fabricated or inaccurate generated content', 'MISINFORMATION'],
  ['infringement of intellectual property in outputs', 'OTHER'],
  ['unsafe behaviour in physical environments', 'SAFETY'],
  ['exclusion of people without digital access', 'HUMAN_RIGHTS'],
  ['energy use and environmental cost of training', 'ENVIRONMENT'],
  ['displacement of workers and deskilling', 'LABOUR_AND_EMPLOYMENT'],
  ['use of outputs for disinformation campaigns', 'MISINFORMATION'],
  ['vulnerabilities in the model supply chain', 'SECURITY'],
  ['discriminatory pricing for vulnerable customers', 'BIAS_AND_DISCRIMINATION'],
  ['intrusive surveillance of workers', 'LABOUR_AND_EMPLOYMENT'],
  ['erroneous advice in safety-critical situations', 'SAFETY'],
  ['inaccurate decisions with legal effects', 'HUMAN_RIGHTS'],
  ['chilling effects on freedom of expression', 'HUMAN_RIGHTS'],
  ['data poisoning of training pipelines', 'SECURITY'],
  ['dependence on a few dominant model providers', 'CONCENTRATION_OF_MARKET_POWER'],
];

export const MITIGATIONS = [
  'bias audits before each release with error rates disaggregated by group',
  'differential privacy and deduplication of training data',
  'human review of every adverse decision before it takes effect',
  'red-teaming exercises by an independent team before major releases',
  'continuous drift monitoring with automatic rollback to the last validated model',
  'plain-language notices and an explanation on request for affected persons',
  'confidence thresholds below which cases are routed to specialists',
  'provenance watermarks and content credentials on generated media',
  'licensing checks and filters for copyrighted material',
  'safety envelopes and a physical emergency stop',
  'an accessible non-digital channel for every service',
  'efficient training schedules on low-carbon data centres',
  'retraining programmes agreed with worker representatives',
  'usage policies enforced with abuse detection and account suspension',
  'signed model artefacts and a software bill of materials',
  'fairness constraints on pricing and regular outcome reviews',
  'data minimisation and retention limits agreed with the works council',
  'clinical validation and mandatory sign-off by qualified staff',
  'an appeal procedure with a response within thirty days',
  'transparent moderation policies and an independent appeals board',
  'anomaly detection on training data and reproducible pipelines',
  'access controls, encryption at rest and hardware security modules',
];

export const LIKELIHOODS = ['RARE', 'UNLIKELY', 'POSSIBLE', 'LIKELY', 'ALMOST_CERTAIN'];
export const SEVERITIES = ['NEGLIGIBLE', 'MINOR', 'MODERATE', 'MAJOR', 'SEVERE'];

export const STAKEHOLDERS = [
  'job applicants',
  'loan applicants',
  'patients',
  'children and minors',
  'persons with disabilities',
  'migrants and asylum seekers',
  'workers and their representatives',
  'small business customers',
  'older persons',
  'local communities',
  'students and their families',
  'tenants',
  'drivers and pedestrians',
  'civil society organisations',
  'indigenous peoples',
  'consumers',
  'content creators',
  'public service users',
];

export const STAKEHOLDER_ROLES = [
  'Directly subject to the outputs of the system.',
  'Affected indirectly through decisions taken by our staff.',
  'Represented through organisations that advise us.',
  'Users of the service in which the system is embedded.',
];

export const CONSULTATION_METHODS = [
  'structured interviews',
  'a public consultation',
  'focus groups',
  'user surveys',
  'a standing advisory board',
  'workshops with representative organisations',
  'usability testing sessions',
  'a citizens panel',
];

export const OVERSIGHT = [
  'A trained reviewer confirms every recommendation before it is acted upon.',
  'Operators monitor a live dashboard and can suspend the system at any time.',
  'A governance committee reviews performance reports every quarter and approves each new version.',
  'Escalation to a senior officer is mandatory when the model confidence is low.',
  'Affected persons can request a human decision, which is provided within five working days.',
  'Outputs are sampled daily and audited by a quality team independent of the developers.',
];

export const ESCALATION = [
  'Cases flagged by reviewers go to a second-line risk team within one working day.',
  'Disagreements between the system and the reviewer are escalated to the head of operations.',
  'Any suspected harm is reported to the responsible AI officer, who may suspend the system.',
];

export const OVERSIGHT_MECHANISMS = ['HUMAN_IN_THE_LOOP', 'HUMAN_ON_THE_LOOP', 'HUMAN_IN_COMMAND'];

export const INTENDED_USERS = [
  'Trained staff of the operating organisation.',
  'Customers using our online services.',
  'Professionals in regulated occupations.',
  'Members of the public.',
  'Software developers integrating the system through an API.',
];

export const OUT_OF_SCOPE_USES = [
  'Fully automated decisions with legal or similarly significant effects.',
  'Use on persons under eighteen.',
  'Use outside the jurisdictions listed in this report.',
  'Law enforcement or military purposes.',
];

/** How the model is described, and its type in a few words. */
export const MODELS: readonly (readonly [string, string])[] = [
  ['gradient-boosted decision trees trained on tabular records', 'Gradient-boosted trees'],
  ['a convolutional neural network fine-tuned on domain images', 'Convolutional neural network'],
  ['a transformer-based language model with retrieval augmentation', 'Large language model'],
  ['a logistic regression scorecard with monotonic constraints', 'Logistic regression'],
  ['an ensemble of random forests and rule-based checks', 'Ensemble model'],
  ['a speech-to-text acoustic model with a domain language model', 'Speech recognition model'],
  ['a graph neural network over transaction networks', 'Graph neural network'],
  ['a diffusion model for image synthesis', 'Diffusion model'],
  ['a recurrent neural network for time series forecasting', 'Recurrent neural network'],
  ['a vision transformer for object detection', 'Vision transformer'],
  ['a mixture-of-experts foundation model', 'Foundation model'],
  ['a reinforcement learning policy trained in simulation', 'Reinforcement learning policy'],
];

/** A training data source, its type, and whether it holds personal data. */
export const DATA_SOURCES: readonly (readonly [string, string, boolean])[] = [
  ['licensed commercial datasets', 'LICENSED', false],
  ['publicly available web text filtered for quality', 'PUBLICLY_AVAILABLE', true],
  ['customer transaction records processed under contract', 'PROPRIETARY', true],
  ['synthetic data generated in-house', 'SYNTHETIC', false],
  ['open government data portals', 'PUBLICLY_AVAILABLE', false],
  ['consented user interaction logs', 'USER_GENERATED', true],
  ['images annotated by a third-party vendor', 'LICENSED', true],
  ['electronic health records under data sharing agreements', 'LICENSED', true],
  ['satellite imagery from public programmes', 'PUBLICLY_AVAILABLE', false],
  ['call recordings collected with customer consent', 'PROPRIETARY', true],
  ['sensor telemetry from our own equipment', 'PROPRIETARY', false],
  ['historical case files anonymised before use', 'PROPRIETARY', false],
  ['academic benchmark datasets', 'PUBLICLY_AVAILABLE', false],
  ['records purchased from data brokers', 'OTHER', true],
];

export const PROVENANCE = [
  'Recorded in a data catalogue with its origin, licence and collection date.',
  'Lineage tracked from collection to training with hashed snapshots.',
  'A datasheet documents the collection process, known gaps and consent basis.',
  'Accepted only with contractual warranties on lawful collection.',
];

export const COLLECTION_PERIODS = ['2018-2022', '2019-2023', '2020-2024', '2021-2025', '2015-2024'];

export const PREPROCESSING = [
  'Deduplication, removal of direct identifiers and filtering of low-quality records.',
  'Class rebalancing and augmentation of under-represented groups.',
  'Normalisation, outlier removal and manual review of a labelled sample.',
];

export const DATA_PROTECTION = [
  'Personal data is pseudonymised before training and access is limited to named engineers.',
  'A data protection impact assessment was completed and reviewed by the data protection officer.',
  'Opt-out requests from data subjects are honoured within one month.',
  'Access to production data requires approval and is logged for audit.',
];

export const LEGAL_BASES = [
  'Performance of a contract with the data subject.',
  'Legitimate interests, balanced in a documented assessment.',
  'Consent of the data subjects.',
  'Compliance with a legal obligation.',
];

export const RETENTION = [
  'Training data is retained for three years and deleted on a documented schedule.',
  'Raw inputs are deleted after ninety days; aggregated statistics are kept.',
  'Records are kept for the statutory period of ten years.',
];

export const QUALITY = [
  'Data quality checks cover completeness, representativeness and label accuracy.',
  'Labels are double-annotated and disagreements resolved by a senior annotator.',
  'Drift in the input distribution is measured weekly against the training data.',
];

export const FRAMEWORKS = [
  'NIST AI Risk Management Framework 1.0',
  'ISO/IEC 42001 AI management system',
  'ISO/IEC 23894 AI risk management',
  'Internal framework aligned with the OECD AI Principles',
];

export const METRICS = [
  'Accuracy',
  'Precision',
  'Recall',
  'F1 score',
  'False positive rate',
  'Area under the ROC curve',
];

export const LIMITATIONS = [
  'Error rates are highest for low-quality inputs and rare categories.',
  'Performance degrades for languages and regions under-represented in training data.',
  'The system is not designed for use outside the documented operating conditions.',
  'Outputs are probabilistic and may be wrong; they must not be the sole basis of a decision.',
];

export const EVALUATIONS = [
  'structured red-teaming with external experts',
  'capability evaluations against published benchmarks',
  'scenario-based risk workshops',
  'incident analysis of comparable systems',
  'automated adversarial testing',
];

export const SECURITY = [
  'Model weights are stored encrypted with access limited to a small team.',
  'Insider threat controls and background checks apply to staff with access to weights.',
  'Vulnerability disclosure and a bug bounty programme cover the model and its interfaces.',
  'Penetration tests are run before each major release.',
];

export const VULNERABILITY_REPORTING = ['NONE', 'INTERNAL_ONLY', 'PUBLIC_CHANNEL', 'BUG_BOUNTY'];

export const MONITORING = [
  'Production outputs are sampled and reviewed weekly.',
  'Usage is monitored for misuse patterns with automated alerts.',
  'Performance dashboards are reviewed monthly by the model owner.',
];

export const INCIDENTS = [
  'Incidents are logged, triaged within 24 hours and reported to the board.',
  'Serious incidents are notified to the competent authorities without delay.',
  'Post-incident reviews are published in summary form.',
];

export const GOVERNANCE = [
  'A responsible AI policy approved by the board applies to every AI system.',
  'A responsible AI officer reports to the executive committee.',
  'An ethics committee with external members reviews high-risk uses.',
];

export const STAFF_TRAINING = [
  'All staff complete annual training on responsible AI.',
  'Engineers and reviewers receive role-specific training before working on the system.',
];

export const CAPABILITIES = [
  'are documented in a model card on our website',
  'are described in an annual transparency report',
  'are set out in technical documentation shared with deployers',
  'are published in a system card with the usage policy',
];

export const USER_INFORMATION = [
  'Users are told when they interact with an AI system.',
  'Affected persons receive a notice explaining the role of the system in the decision.',
];

/** Content authentication mechanisms, in the template's order: a filing lists a run of them. */
export const MECHANISMS = ['WATERMARKING', 'PROVENANCE_METADATA', 'CONTENT_LABELLING', 'DETECTION_TOOLS'];

export const AUTHENTICATION = [
  'Generated images and audio carry C2PA content credentials.',
  'Invisible watermarks are embedded in generated content where technically feasible.',
  'Generated text is labelled as such in the user interface.',
];

export const RESEARCH = [
  'We fund academic research on interpretability and evaluation methods.',
  'A share of compute is reserved for safety research.',
  'We contribute to open benchmarks for robustness and fairness.',
];

/** Research areas, in the template's order: a filing lists a run of them. */
export const RESEARCH_AREAS = ['SAFETY', 'SECURITY', 'ROBUSTNESS', 'BIAS_MITIGATION', 'PRIVACY', 'SOCIETAL_IMPACT'];

export const COLLABORATIONS = [
  'Partnerships with two universities and a national AI safety institute.',
  'Membership of an industry consortium on evaluation standards.',
  'Joint research with civil society organisations on affected communities.',
];

export const HUMAN_INTERESTS = [
  'to improve access to services for underserved communities',
  'to support the Sustainable Development Goals on health and education',
  'to reduce energy use and emissions in operations',
  'to help small businesses adopt AI responsibly',
];

/** Sustainable Development Goals a filing names: a run of these. */
export const GOALS = [3, 4, 5, 8, 9, 10, 11, 13, 16, 17];

export const DIGITAL_LITERACY = [
  'Free courses on AI literacy are offered to customers and the public.',
  'Guides explaining the system are published in plain language.',
];

export const ENGAGEMENT = [
  'Civil society and affected communities are consulted before major releases.',
  'An annual stakeholder forum discusses the impacts of our AI systems.',
];

export const AMENDMENT_REASONS: Weighted<readonly [string, string]> = [
  [['CORRECTION', 'Corrects figures in the risk section after an internal audit.'], 6],
  [['CORRECTION', 'Corrects the list of data sources, which omitted a licensed dataset.'], 4],
  [['SUPPLEMENT', 'Adds the results of the stakeholder consultation completed after filing.'], 3],
  [['RESTATEMENT', 'Restates the assessment after a change of model version.'], 2],
];
