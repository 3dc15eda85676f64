import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Applicant, ApplicationStatus, Claim } from '@lib/domain';
import { bigintColumn } from '../projection';

/** Answers "where does this application stand?" for the list and the detail page. */
@Entity({ name: 'application_overview' })
@Index('application_overview_ward_page', ['ward', 'submittedAt', 'applicationId'])
@Index('application_overview_ward_status', ['ward', 'status'])
export class ApplicationOverviewRow {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'programme_id', type: 'text' }) programmeId!: string;
  @Column({ name: 'programme_version', type: 'int' }) programmeVersion!: number;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) ward!: string;
  @Column({ type: 'text' }) status!: ApplicationStatus;
  @Column({ name: 'current_step', type: 'text', nullable: true }) currentStep!: string | null;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) applicant!: Applicant;
  @Column({ type: 'jsonb' }) claim!: Claim;
  @Column({ type: 'jsonb' }) steps!: string[];
  @Column({ name: 'next_step', type: 'int' }) nextStep!: number;
  @Column({ name: 'performed_by', type: 'jsonb' }) performedBy!: Record<string, string>;
  @Column({ name: 'approved_months', type: 'jsonb', nullable: true }) approvedMonths!: string[] | null;
  @Column({ name: 'claimed_amount', type: 'bigint', transformer: bigintColumn }) claimedAmount!: number;
  @Column({ name: 'approved_amount', type: 'bigint', transformer: bigintColumn }) approvedAmount!: number;
  @Column({ name: 'paid_amount', type: 'bigint', transformer: bigintColumn }) paidAmount!: number;
  @Column({ name: 'recovery_ordered_amount', type: 'bigint', transformer: bigintColumn }) recoveryOrderedAmount!: number;
  @Column({ name: 'recovered_amount', type: 'bigint', transformer: bigintColumn }) recoveredAmount!: number;
  @Column({ name: 'credited_amount', type: 'bigint', transformer: bigintColumn, default: 0 }) creditedAmount!: number;
  @Column({ name: 'superseded_by', type: 'uuid', nullable: true }) supersededBy!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) supersedes!: string[];
  @Column({ name: 'received_on', type: 'text', nullable: true }) receivedOn!: string | null;
  @Column({ name: 'posted_until', type: 'text', nullable: true }) postedUntil!: string | null;
  @Column({ name: 'last_step_at', type: 'timestamptz' }) lastStepAt!: Date;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'last_position', type: 'bigint', transformer: bigintColumn }) lastPosition!: number;
}
