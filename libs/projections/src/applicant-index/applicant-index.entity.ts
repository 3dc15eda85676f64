import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Answers "who is this person, under any ID?": each application's applicant under the keys
 * officers search by (citizen ID, phone, name without diacritics, case or spacing) and the
 * identity key (name and date of birth) under which one person's CMND and CCCD meet.
 */
@Entity({ name: 'applicant_index' })
export class ApplicantIndexRow {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'programme_id', type: 'text' }) programmeId!: string;
  @Column({ type: 'text' }) ward!: string;
  @Column({ name: 'citizen_id', type: 'text' }) citizenId!: string;
  @Column({ name: 'name_key', type: 'text' }) nameKey!: string;
  @Column({ name: 'identity_key', type: 'text', nullable: true }) identityKey!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ name: 'bank_account', type: 'text', nullable: true }) bankAccount!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
}
