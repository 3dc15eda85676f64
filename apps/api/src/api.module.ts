import { Module, ValidationPipe, type DynamicModule, type ValidationError } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { InfrastructureModule, validateConfig } from '@lib/application';
import { ProjectorModule, ReadModelDatabaseModule, ReadSideModule } from '@lib/projections';
import { AuthGuard } from './auth/auth.guard';
import { DashboardsController } from './dashboards/dashboards.controller';
import { HealthController } from './health/health.controller';
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
  /** Run the projector in this process too (`npm start`, the demo, small deployments). */
  withProjector: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }),
        InfrastructureModule,
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
        HealthController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
