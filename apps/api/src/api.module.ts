import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
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
import { clientKey, isExport } from './http/rate-limits';
import { DashboardsController } from './dashboards/dashboards.controller';
import { DevSignInController } from './dev-sign-in/dev-sign-in.controller';
import { BeneficiariesController } from './beneficiaries/beneficiaries.controller';
import { AlertsController } from './alerts/alerts.controller';
import { AlertWording } from './alerts/alert-wording';
import { AlertsExportController } from './alerts/alerts-export.controller';
import { ApplicationsExportController } from './support-applications/applications-export.controller';
import { InspectionController } from './inspection/inspection.controller';
import { ImportsController } from './imports/imports.controller';
import { ImportProgress } from './imports/import-progress';
import { PaymentReturnsController } from './imports/payment-returns.controller';
import { DecisionsController } from './lists/decisions.controller';
import { ListsController } from './lists/lists.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { validationFailed } from './problem/validation-errors';
import { ProgrammesController } from './programmes/programmes.controller';
import { SupportApplicationCommandsController } from './support-applications/support-application-commands.controller';
import { SupportApplicationQueriesController } from './support-applications/support-application-queries.controller';

/** Unknown properties are refused, not dropped: a misspelt field must not pass silently. */
const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationFailed,
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
        // RATE_LIMIT requests per client address per window, counted across every route (a flood
        // of one route spends the client's budget for all); exports, the costliest reads, also
        // spend EXPORT_RATE_LIMIT of their own. 0 turns limiting off.
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            throttlers: [
              { name: 'default', ttl: config.get('RATE_LIMIT_WINDOW_MS'), limit: Math.max(1, config.get('RATE_LIMIT')) },
              { name: 'exports', ttl: config.get('RATE_LIMIT_WINDOW_MS'), limit: Math.max(1, config.get('EXPORT_RATE_LIMIT')), skipIf: (context) => config.get('RATE_LIMIT') === 0 || !isExport(context) },
            ],
            generateKey: clientKey,
            skipIf: () => config.get('RATE_LIMIT') === 0,
            errorMessage: 'rate.limited',
          }),
        }),
        HostModule.forRoot({ log: options.log, metricsPort: true }),
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
        ImportProgress,
        // The rate limit comes first: a flood of bad tokens is limited too.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
        AlertWording,
      ],
    };
  }
}
