import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@lib/domain';

export class DevSignInInfoResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [String], enum: ROLES }) roles!: string[];
  @ApiProperty({ type: [String], enum: ROLES }) wardScopedRoles!: string[];
}

export class DevTokenClaimsResponse {
  @ApiProperty() sub!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], enum: ROLES }) roles!: string[];
  @ApiProperty({ type: String, nullable: true }) ward!: string | null;
}

export class DevTokenResponse {
  @ApiProperty() token!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
  @ApiProperty({ type: DevTokenClaimsResponse }) claims!: DevTokenClaimsResponse;
}
