import { ApiProperty } from '@nestjs/swagger';

/** Every command's answer (API.md): the application, its status and its version (also the ETag). */
export class CommandResultResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() status!: string;
  @ApiProperty() version!: number;
}
