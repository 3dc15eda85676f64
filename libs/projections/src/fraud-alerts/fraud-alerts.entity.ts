import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertReason } from './detectors/alert-reason';

export const ALERT_STATUSES = ['open', 'confirmed', 'dismissed', 'cleared'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/**
 * Answers "what looks wrong, where, on what evidence?": one alert per rule and subject (an
 * application, a person, a shared account, a ward's day). `status` is open until an inspector
 * resolves it, and open again when applications join it after that; `cleared` when the rule no
 * longer holds (F15 once the money paid is recovered).
 */
@Entity({ name: 'fraud_alerts' })
export class FraudAlertRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) rule!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis!: string;
  @Column({ type: 'text' }) severity!: string;
  @Column({ name: 'programme_id', type: 'text' }) programmeId!: string;
  @Column({ type: 'text' }) ward!: string;
  @Column({ type: 'text', array: true }) wards!: string[];
  @Column({ name: 'application_ids', type: 'text', array: true }) applicationIds!: string[];
  @Column({ type: 'bigint', array: true }) evidence!: string[];
  /** Message keys and params (detectors/alert-reason.ts), worded in the reader's language when read. */
  @Column({ type: 'jsonb' }) reasons!: AlertReason[];
  /** Structured evidence where a rule gives it (F20: the matched pairs, what agreed, their scores). */
  @Column({ type: 'jsonb', nullable: true }) details!: Record<string, unknown> | null;
  @Column({ type: 'text' }) status!: AlertStatus;
  @Column({ name: 'raised_position', type: 'bigint' }) raisedPosition!: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'updated_position', type: 'bigint' }) updatedPosition!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The latest inspector resolution of an alert, from its `fraud-alert-<id>` stream. */
@Entity({ name: 'fraud_alert_resolutions' })
export class FraudAlertResolutionRow {
  @PrimaryColumn({ name: 'alert_id', type: 'uuid' }) alertId!: string;
  @Column({ type: 'text' }) outcome!: 'confirmed' | 'dismissed';
  @Column({ name: 'application_ids', type: 'text', array: true }) applicationIds!: string[];
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'resolved_by', type: 'text' }) resolvedBy!: string;
  @Column({ name: 'resolved_at', type: 'timestamptz' }) resolvedAt!: Date;
  @Column({ type: 'jsonb' }) recovery!: { applicationId: string; amount: number }[];
  @Column({ type: 'bigint' }) position!: string;
}
