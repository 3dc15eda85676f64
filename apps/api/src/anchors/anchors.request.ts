import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Positions are counts of events: whole numbers, written plainly (no signs, exponents or spaces). */
export const POSITION = /^(0|[1-9]\d{0,14})$/;

export class ListAnchorsRequest {
  @ApiPropertyOptional({ description: 'only anchors covering more events than this position (the previous page\'s nextAfter)', example: '0' })
  @IsOptional() @Matches(POSITION, { message: 'field.position' })
  after?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}
