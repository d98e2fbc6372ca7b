import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One line of an enterprise's profile timeline: any event about it, from any context. The event's data is not
 * copied here: the query reads it from es_events by position (a page at a time), upcast.
 */
@Entity({ name: 'enterprise_timeline' })
@Index('IX_enterprise_timeline_uscc', ['uscc', 'onDate'])
@Index('IX_enterprise_timeline_stream', ['streamId'])
export class EnterpriseTimelineRow {
  @PrimaryColumn({ name: 'global_position', type: 'bigint', primaryKeyConstraintName: 'PK_enterprise_timeline' })
  globalPosition: string;

  @Column({ type: 'text' })
  uscc: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ type: 'text' })
  type: string;

  /** Business date (Asia/Shanghai) of the fact. */
  @Column({ name: 'on_date', type: 'date' })
  onDate: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;
}
