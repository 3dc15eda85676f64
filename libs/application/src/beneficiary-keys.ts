import { createHmac } from 'node:crypto';

/**
 * The beneficiary stream is keyed by a keyed hash of the citizen ID, so stream ids in the log
 * and in read models do not reveal the ID, while the same person always lands on one stream.
 */
export class BeneficiaryKeys {
  constructor(private readonly secret: string) {}

  keyOf(citizenId: string): string {
    return createHmac('sha256', this.secret).update(citizenId.trim()).digest('hex').slice(0, 32);
  }
}

export { beneficiaryStream, supportApplicationStream } from '@lib/domain';
