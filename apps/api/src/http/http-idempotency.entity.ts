import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first response to each Idempotency-Key, so a retried POST gets it again instead of acting twice. */
@Entity({ name: 'http_idempotency_keys' })
@Index('IX_http_idempotency_keys_created_at', ['createdAt'])
export class HttpIdempotencyRow {
  /** `<user id>:<client key>`: one client's keys never collide with another's. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_http_idempotency_keys' })
  key: string;

  /** HMAC (IDEMPOTENCY_SECRET) of method, path, body and uploaded files: the same key with a different request is refused. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** The attempt running the request now; null when none is (completed, or failed and free to retry). */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken: string | null;

  /** Stamped by the database clock while the attempt runs; only a stale heartbeat may be taken over. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', default: () => 'now()' })
  heartbeatAt: Date;
}
