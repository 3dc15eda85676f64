import 'reflect-metadata';
import { offlineOpenApiDocument } from './offline-openapi-document';

/** `npm run generate:api-types` reads the document from here: JSON on stdout, nothing else. */
offlineOpenApiDocument().then(
  (document) => process.stdout.write(`${JSON.stringify(document)}\n`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
