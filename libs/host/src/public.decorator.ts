import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'relief-ledger:public';

/** Health, metrics and the OpenAPI page answer without a token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
