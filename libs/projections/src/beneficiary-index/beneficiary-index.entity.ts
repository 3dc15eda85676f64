import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../projection';

export interface PaymentRecord {
  amount: number;
  method: string;
  reference: string;
  payee?: string;
  paidAt: string;
  position: number;
}

/** One application of a person, as the beneficiary index keeps it. */
@Entity({ name: 'beneficiary_applications' })
@Index('beneficiary_applications_citizen', ['citizenId', 'submittedAt'])
export class BeneficiaryApplicationRow {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'citizen_id', type: 'text' }) citizenId!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ name: 'date_of_birth', type: 'text', nullable: true }) dateOfBirth!: string | null;
  @Column({ name: 'programme_id', type: 'text' }) programmeId!: string;
  @Column({ name: 'programme_version', type: 'int' }) programmeVersion!: number;
  @Column({ type: 'text' }) category!: string;
  @Column({ type: 'text' }) ward!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) steps!: string[];
  @Column({ name: 'next_step', type: 'int' }) nextStep!: number;
  @Column({ name: 'claimed_months', type: 'jsonb' }) claimedMonths!: string[];
  @Column({ name: 'approved_months', type: 'jsonb', nullable: true }) approvedMonths!: string[] | null;
  @Column({ name: 'approved_amount', type: 'bigint', transformer: bigintColumn }) approvedAmount!: number;
  @Column({ name: 'paid_amount', type: 'bigint', transformer: bigintColumn }) paidAmount!: number;
  @Column({ name: 'recovery_ordered_amount', type: 'bigint', transformer: bigintColumn }) recoveryOrderedAmount!: number;
  @Column({ name: 'recovered_amount', type: 'bigint', transformer: bigintColumn }) recoveredAmount!: number;
  @Column({ type: 'jsonb' }) payments!: PaymentRecord[];
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Answers "what has this person received, across wards, categories and programmes?" */
@Entity({ name: 'beneficiary_index' })
export class BeneficiaryIndexRow {
  @PrimaryColumn({ name: 'citizen_id', type: 'text' }) citizenId!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ name: 'date_of_birth', type: 'text', nullable: true }) dateOfBirth!: string | null;
  @Column({ type: 'text', array: true }) wards!: string[];
  @Column({ type: 'text', array: true }) categories!: string[];
  @Column({ type: 'text', array: true }) programmes!: string[];
  @Column({ type: 'int' }) applications!: number;
  @Column({ name: 'approved_amount', type: 'bigint', transformer: bigintColumn }) approvedAmount!: number;
  @Column({ name: 'paid_amount', type: 'bigint', transformer: bigintColumn }) paidAmount!: number;
  @Column({ name: 'recovery_ordered_amount', type: 'bigint', transformer: bigintColumn }) recoveryOrderedAmount!: number;
  @Column({ name: 'recovered_amount', type: 'bigint', transformer: bigintColumn }) recoveredAmount!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
