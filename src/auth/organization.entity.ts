import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Anything users can be members of. The module that owns a kind of organisation (companies, regulators) keeps
 * the record itself in its own table under the same id, and registers the kind (see membership-scopes.ts); auth
 * knows organisations by id and kind only, so that it depends on no feature module.
 */
@Entity('organization')
@Check('CHK_organization_kind', `"kind" ~ '^[a-z][a-z_]{1,31}$'`)
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
