import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Party } from '../countries/party.entity.js';
import { AISystem } from './ai-system.entity.js';

/** Where an AI system is deployed: one row per party (a country, or EU). Replaced as a set when it changes. */
@Entity('ai_system_deployment')
// Systems deployed in a jurisdiction (a regulator's scope, the disclosures filter).
@Index('IDX_ai_system_deployment_party', ['partyCode', 'aiSystemId'])
export class AISystemDeployment {
  @PrimaryColumn({ name: 'ai_system_id', type: 'uuid' })
  aiSystemId: string;

  @PrimaryColumn({ name: 'party_code', type: 'varchar', length: 8 })
  partyCode: string;

  @ManyToOne(() => AISystem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ai_system_id' })
  aiSystem?: Relation<AISystem>;

  @ManyToOne(() => Party, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_code', referencedColumnName: 'code' })
  party?: Relation<Party>;
}
