import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApplicationModule } from '@lib/application';
import { PlatformModule } from '@lib/platform';

@Module({ imports: [PlatformModule.forRoot(), ApplicationModule] })
class CliModule {}

/** The write side without HTTP, for commands that drive the domain (seed) or read the log. */
export const cliContext = (): Promise<INestApplicationContext> => NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
