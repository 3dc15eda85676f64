import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemResponse } from '../problem/problem.response';

/** The OpenAPI document of an API app: served at /docs, and the source of the console's types. */
export const createOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('relief-ledger')
      .setDescription('Event-sourced workflow engine for public support programmes (NQ 42/NQ-CP, QĐ 15/2020/QĐ-TTg). Errors are application/problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    // Every refusal has this shape; no route names it, so it is listed here.
    { extraModels: [ProblemResponse] },
  );
