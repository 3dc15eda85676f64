import { Module, ValidationPipe, type DynamicModule, type ValidationError } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { DestinationStream } from 'pino';
import { ApplicationModule } from '@lib/application';
import { HostModule } from '@lib/host';
import { PlatformModule, type AppConfig, type EmbeddedDatabase } from '@lib/platform';
import { ProjectorModule, ReadModelDatabaseModule, ReadSideModule } from '@lib/projections';
import { AnchorsController } from './anchors/anchors.controller';
import { AuthGuard } from './auth/auth.guard';
import { DashboardsController } from './dashboards/dashboards.controller';
import { DevSignInController } from './dev-sign-in/dev-sign-in.controller';
import { BeneficiariesController } from './beneficiaries/beneficiaries.controller';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsExportController } from './alerts/alerts-export.controller';
import { ApplicationsExportController } from './support-applications/applications-export.controller';
import { InspectionController } from './inspection/inspection.controller';
import { ImportsController } from './imports/imports.controller';
import { PaymentReturnsController } from './imports/payment-returns.controller';
import { DecisionsController } from './lists/decisions.controller';
import { ListsController } from './lists/lists.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { ProgrammesController } from './programmes/programmes.controller';
import { SupportApplicationCommandsController } from './support-applications/support-application-commands.controller';
import { SupportApplicationQueriesController } from './support-applications/support-application-queries.controller';

const flatten = (errors: ValidationError[], prefix = ''): { field: string; message: string }[] =>
  errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });

/** Unknown properties are refused, not dropped: a misspelt field must not pass silently. */
const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const list = flatten(errors);
    return new BadRequestException({ message: list.map((e) => `${e.field}: ${e.message}`).join('; '), errors: list, code: 'validation-failed' });
  },
});

export interface ApiModuleOptions {
  /** The validated settings (default: the environment's). */
  config?: AppConfig;
  /** Run the projector in this process too (`npm start`, the demo, small deployments). */
  withProjector: boolean;
  /** The console's development sign-in (POST /dev/token): trial mode or DEV_SIGN_IN=true only (dev-sign-in.ts). */
  devSignIn?: boolean;
  /** Trial mode: the embedded database, instead of DATABASE_URL. */
  embedded?: EmbeddedDatabase;
  /** Where the JSON log lines go (stdout unless given); `false`: nowhere (tests). */
  log?: DestinationStream | false;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ config: options.config, embedded: options.embedded }),
        // RATE_LIMIT requests per client address per window; 0 turns it off.
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            throttlers: [{ ttl: config.get('RATE_LIMIT_WINDOW_MS'), limit: Math.max(1, config.get('RATE_LIMIT')) }],
            skipIf: () => config.get('RATE_LIMIT') === 0,
            errorMessage: 'too many requests from this address; wait before retrying (see Retry-After)',
          }),
        }),
        HostModule.forRoot({ log: options.log }),
        ApplicationModule,
        ReadModelDatabaseModule,
        ReadSideModule,
        JwtModule.register({}),
        ...(options.withProjector ? [ProjectorModule] : []),
      ],
      controllers: [
        SupportApplicationCommandsController,
        SupportApplicationQueriesController,
        ProgrammesController,
        DashboardsController,
        ...(options.devSignIn ? [DevSignInController] : []),
        BeneficiariesController,
        AlertsController,
        AlertsExportController,
        ApplicationsExportController,
        InspectionController,
        AnchorsController,
        ListsController,
        DecisionsController,
        ImportsController,
        PaymentReturnsController,
      ],
      providers: [
        // The rate limit comes first: a flood of bad tokens is limited too.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
