import { registerEnumType } from '@nestjs/graphql';

export enum RiskLevel {
  MINIMAL = 'MINIMAL',
  LIMITED = 'LIMITED',
  HIGH = 'HIGH',
  UNACCEPTABLE = 'UNACCEPTABLE',
}

registerEnumType(RiskLevel, { name: 'RiskLevel', description: 'The risk an AI system poses, in four tiers.' });

/** What the organisation does with the system (one system, one role per registering company). */
export enum OrganizationRole {
  MODEL_DEVELOPER = 'MODEL_DEVELOPER',
  APPLICATION_DEVELOPER = 'APPLICATION_DEVELOPER',
  DEPLOYER = 'DEPLOYER',
}

registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: "The registering organisation's role for an AI system.",
});

export enum LifecycleStage {
  DESIGN = 'DESIGN',
  DATA = 'DATA',
  DEVELOPMENT = 'DEVELOPMENT',
  VALIDATION = 'VALIDATION',
  DEPLOYMENT = 'DEPLOYMENT',
  MONITORING = 'MONITORING',
  RETIREMENT = 'RETIREMENT',
}

registerEnumType(LifecycleStage, { name: 'LifecycleStage', description: 'A stage of the AI life cycle.' });
