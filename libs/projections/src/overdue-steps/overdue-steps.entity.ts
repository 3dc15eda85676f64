import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Answers "which open applications have run past the legal time limit of the step they await?"
 * One row per open application; `dueOn` is null when the awaited step has no limit in law.
 */
@Entity({ name: 'overdue_steps' })
@Index('overdue_steps_due', ['dueOn', 'applicationId'])
@Index('overdue_steps_ward_due', ['ward', 'dueOn'])
export class OverdueStepRow {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'programme_id', type: 'text' }) programmeId!: string;
  @Column({ name: 'programme_version', type: 'int' }) programmeVersion!: number;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) ward!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) steps!: string[];
  @Column({ name: 'step_index', type: 'int' }) stepIndex!: number;
  @Column({ name: 'current_step', type: 'text' }) currentStep!: string;
  /** Local dates each performed step was completed on (step name → YYYY-MM-DD). */
  @Column({ name: 'completed_on', type: 'jsonb' }) completedOn!: Record<string, string>;
  /** The date the limit counts from: the previous step's, or the `countFrom` step's. */
  @Column({ name: 'counted_from', type: 'date' }) countedFrom!: string;
  @Column({ name: 'time_limit_working_days', type: 'int', nullable: true }) timeLimitWorkingDays!: number | null;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Column({ name: 'legal_basis', type: 'text', nullable: true }) legalBasis!: string | null;
}
