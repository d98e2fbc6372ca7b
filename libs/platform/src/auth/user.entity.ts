import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './roles';

/**
 * Accounts. Identity and access data, not business facts: kept as rows, not events. Every event records
 * the acting user's id in its metadata.
 */
@Entity({ name: 'users' })
export class UserRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_users' })
  id: string;

  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id hash; never returned by any endpoint. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'unit_id', type: 'text', nullable: true })
  unitId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Carried by every token as `gen`; bumped when the account is deactivated, re-roled or its password changes. */
  @Column({ name: 'credentials_generation', type: 'integer', default: 0 })
  credentialsGeneration: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
