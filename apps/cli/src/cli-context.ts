import { Module, type INestApplicationContext } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { InfrastructureModule, validateConfig } from '@lib/application';

@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateConfig }), InfrastructureModule],
})
class CliModule {}

/** The write side without HTTP, for commands that drive the domain (seed) or read the log. */
export const cliContext = (): Promise<INestApplicationContext> => NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
