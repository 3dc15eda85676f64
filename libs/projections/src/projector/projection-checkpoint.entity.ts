import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../projection';

/** How far each projection has read the global log; saved with the batch it covers. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointRow {
  @PrimaryColumn({ type: 'text' }) name!: string;
  @Column({ type: 'int' }) version!: number;
  /** xid8 in PostgreSQL, which TypeORM has no type for; read as text. */
  @Column({ name: 'transaction_id', type: 'text' }) transactionId!: string;
  @Column({ type: 'bigint', transformer: bigintColumn }) position!: number;
  @Column({ name: 'events_applied', type: 'bigint', transformer: bigintColumn }) eventsApplied!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
