import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'applicant.citizenId' }) field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'a stable code for the law\'s refusals (received-in-future, outside-filing-period, …)' }) code?: string;
}

/** application/problem+json (RFC 9457) with the stable `code` clients branch on. */
export class ProblemResponse {
  @ApiProperty({ example: '/problems/validation-failed' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty() detail!: string;
  @ApiProperty({ example: 'validation-failed' }) code!: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
}
