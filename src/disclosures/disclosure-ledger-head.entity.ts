import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../companies/company.entity.js';

/**
 * The end of each company's ledger. A submission updates its company's row (INSERT ... ON CONFLICT DO UPDATE),
 * which serialises concurrent submissions of one company and gives each the hash to link to.
 */
@Entity('disclosure_ledger_head')
export class DisclosureLedgerHead {
  @PrimaryColumn({ name: 'company_id', type: 'uuid' })
  companyId: string;

  @OneToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq: number;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash: string;
}
