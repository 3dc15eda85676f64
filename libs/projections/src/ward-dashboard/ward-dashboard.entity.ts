import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../projection';

/** Answers "how is my ward doing?": counts and amounts per category and status. */
@Entity({ name: 'ward_dashboard' })
export class WardDashboardRow {
  @PrimaryColumn({ type: 'text' }) ward!: string;
  @PrimaryColumn({ type: 'text' }) category!: string;
  @PrimaryColumn({ type: 'text' }) status!: string;
  @Column({ type: 'int' }) applications!: number;
  @Column({ name: 'claimed_amount', type: 'bigint', transformer: bigintColumn }) claimedAmount!: number;
  @Column({ name: 'approved_amount', type: 'bigint', transformer: bigintColumn }) approvedAmount!: number;
  @Column({ name: 'paid_amount', type: 'bigint', transformer: bigintColumn }) paidAmount!: number;
  @Column({ name: 'recovered_amount', type: 'bigint', transformer: bigintColumn }) recoveredAmount!: number;
}
