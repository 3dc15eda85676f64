import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../projection';

/** A returned payment row whose amount differed from the approved one: per application and returned list. */
@Entity({ name: 'payment_mismatches' })
export class PaymentMismatchRow {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @PrimaryColumn({ name: 'return_id', type: 'uuid' }) returnId!: string;
  @Column({ type: 'text' }) ward!: string;
  @Column({ type: 'int' }) row!: number;
  @Column({ type: 'bigint', transformer: bigintColumn }) expected!: number;
  @Column({ type: 'bigint', transformer: bigintColumn }) given!: number;
}
