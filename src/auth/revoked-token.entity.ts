import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from './user.entity.js';

/**
 * An access token ended by `logout` before its expiry, by its id (`jti`). Authentication looks the id up on every
 * signed-in request (a primary-key probe in the same statement as the user); rows past `expires_at` serve no purpose
 * (the token is refused as expired) and are removed by later logouts.
 */
@Entity('revoked_token')
@Index('IDX_revoked_token_expires', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn({ type: 'uuid' })
  jti: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'revoked_at', type: 'timestamptz' })
  revokedAt: Date;
}
