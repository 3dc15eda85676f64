import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

export class EventMetadataResponse {
  @ApiProperty({ description: 'the officer (token sub)' }) actorId!: string;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: String, nullable: true }) ward!: string | null;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) causationId?: string | null;
  @ApiPropertyOptional({ description: 'the list (danh sách) whose act carried the event' }) listId?: string;
  @ApiPropertyOptional({ description: 'the decision number that carried the event' }) decisionNo?: string;
}

/** One event as stored; eventId, streamId, schemaVersion and storedData are what its hash covers. */
export class HistoryEventResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'position in the whole log' }) position!: number;
  @ApiProperty({ description: 'version in the application’s stream' }) version!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'the schema version it was stored with' }) schemaVersion!: number;
  @ApiProperty(ANY_OBJECT) data!: Record<string, unknown>;
  @ApiPropertyOptional({ ...ANY_OBJECT, description: 'for upcast events: the data as stored' }) storedData?: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataResponse }) metadata!: EventMetadataResponse;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() hash!: string;
}

export class HistoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [HistoryEventResponse] }) events!: HistoryEventResponse[];
}
