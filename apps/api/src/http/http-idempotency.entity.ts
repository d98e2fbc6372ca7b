import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first response to each Idempotency-Key, so a retried POST gets it again instead of acting twice. */
@Entity({ name: 'http_idempotency_keys' })
export class HttpIdempotencyRow {
  /** `<user id>:<client key>`: one client's keys never collide with another's. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_http_idempotency_keys' })
  key: string;

  /** Method, path and body digest: the same key with a different request is refused. */
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
}
