import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../projection';

/** Answers "what did this officer do on each day?": steps performed, by step and action. */
@Entity({ name: 'officer_activity' })
export class OfficerActivityRow {
  @PrimaryColumn({ name: 'officer_id', type: 'text' }) officerId!: string;
  /** The calendar day in the programme's legal time (Vietnam), YYYY-MM-DD. */
  @PrimaryColumn({ type: 'date' }) day!: string;
  @PrimaryColumn({ type: 'text' }) step!: string;
  @PrimaryColumn({ type: 'text' }) action!: string;
  @Column({ type: 'int' }) count!: number;
  /** VND moved by payments and recoveries; 0 for other steps. */
  @Column({ type: 'bigint', transformer: bigintColumn }) amount!: number;
}
