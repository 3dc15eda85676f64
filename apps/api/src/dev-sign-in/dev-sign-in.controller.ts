import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES, WARD_SCOPED_ROLES, type Role } from '@lib/domain';
import type { AppConfig } from '@lib/platform';
import { Public } from '@lib/host';
import { DevSignInInfoResponse, DevTokenResponse } from './dev-token.response';

export class DevTokenRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: 'field.role' })
  role!: Role;

  @ApiPropertyOptional({ description: 'required for ward-scoped roles', example: 'W01' })
  @IsOptional() @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: 'field.ward' })
  ward?: string;

  @ApiPropertyOptional({ description: 'the officer id recorded as actor; made from role and ward when absent' })
  @IsOptional() @Matches(/^[A-Za-z0-9@._+-]{1,100}$/, { message: 'field.subject' })
  sub?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @Length(1, 200)
  name?: string;
}

const EXPIRES_IN_SECONDS = 8 * 3600;

/**
 * Trial-mode sign-in for the console: a token for any role and ward, signed with JWT_SECRET.
 * Registered only when devSignInEnabled(config) (see api.module.ts); otherwise /dev/token is a 404.
 */
@ApiTags('trial mode')
@Controller('dev/token')
@Public()
export class DevSignInController {
  private readonly jwt: JwtService;
  /** The configured issuer and audience, so that development tokens pass their checks too. */
  private readonly signOptions: { issuer?: string; audience?: string };

  constructor(config: ConfigService<AppConfig, true>) {
    this.jwt = new JwtService({ secret: config.get('JWT_SECRET', { infer: true }) });
    const issuer = config.get('JWT_ISSUER', { infer: true });
    const audience = config.get('JWT_AUDIENCE', { infer: true });
    this.signOptions = { ...(issuer ? { issuer } : {}), ...(audience ? { audience } : {}) };
  }

  @Get()
  @ApiOperation({ summary: 'Whether development sign-in is on (only in trial mode or with DEV_SIGN_IN=true), and the roles it offers' })
  @ApiOkResponse({ type: DevSignInInfoResponse })
  info() {
    return { enabled: true, roles: ROLES, wardScopedRoles: WARD_SCOPED_ROLES };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Mint a development token for a role and ward (trial mode only)' })
  @ApiCreatedResponse({ type: DevTokenResponse })
  mint(@Body() body: DevTokenRequest) {
    const ward = body.ward ?? null;
    if (!ward && WARD_SCOPED_ROLES.includes(body.role)) {
      throw new BadRequestException({ errors: [{ field: 'ward', message: 'field.ward-required', params: { role: body.role } }] });
    }
    const sub = body.sub ?? `${body.role}@${ward ?? 'province'}`;
    const claims = { sub, name: body.name ?? sub, roles: [body.role], ward };
    const token = this.jwt.sign(claims, { algorithm: 'HS256', expiresIn: EXPIRES_IN_SECONDS, ...this.signOptions });
    return { token, tokenType: 'Bearer', expiresIn: EXPIRES_IN_SECONDS, claims };
  }
}
