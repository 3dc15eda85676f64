import { ApiProperty } from '@nestjs/swagger';

/** docs/ANCHORS.md has what each field covers and how the signature is made. */
export class AnchorResponse {
  @ApiProperty({ description: 'how many events it covers, in log order (transaction id, global position)' }) position!: number;
  @ApiProperty({ description: 'the position of the anchor before it (0 for the first): the streams committed are those of the events in between' }) previous!: number;
  @ApiProperty({ description: 'transaction id of the last covered event' }) lastTransactionId!: string;
  @ApiProperty({ description: 'global position of the last covered event' }) lastGlobalPosition!: number;
  @ApiProperty({ description: 'SHA-256 running hash of every event up to position, hex' }) logHash!: string;
  @ApiProperty({ description: 'SHA-256 over the stream commitments of its range, hex' }) streamsHash!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ description: 'first 16 hex characters of SHA-256 over the signing public key (DER)' }) keyId!: string;
  @ApiProperty({ description: 'Ed25519 over the anchor\'s signed message, base64' }) signature!: string;
}

export class AnchorPageResponse {
  @ApiProperty({ type: [AnchorResponse] }) anchors!: AnchorResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'pass as after for the next page; null on the last' }) nextAfter!: number | null;
}

export class AnchorKeyResponse {
  @ApiProperty() keyId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SubjectPublicKeyInfo, PEM' }) publicKey!: string;
  @ApiProperty({ format: 'date-time' }) firstUsedAt!: string;
}

export class AnchorKeysResponse {
  @ApiProperty({ type: [AnchorKeyResponse] }) keys!: AnchorKeyResponse[];
}

export class StreamCommitmentResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'the stream\'s version at the anchor' }) version!: number;
  @ApiProperty({ description: 'the stored hash of that version' }) hash!: string;
  @ApiProperty({ description: 'running hash of the stream\'s own events in the anchor\'s range' }) eventsHash!: string;
}

export class AnchorWithStreamsResponse extends AnchorResponse {
  @ApiProperty({ type: [StreamCommitmentResponse] }) streams!: StreamCommitmentResponse[];
}
