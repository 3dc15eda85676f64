import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { paymentReturnStream, supportImportStream, type PaymentReturnRecorded, type SupportImportRecorded } from '@lib/domain';
import { EventStore } from '@lib/event-store';

/** One import as recorded, straight from its stream (one event). */
export class GetSupportImportQuery extends Query<SupportImportRecorded['data'] | null> {
  constructor(readonly importId: string) {
    super();
  }
}

@QueryHandler(GetSupportImportQuery)
export class GetSupportImportHandler implements IQueryHandler<GetSupportImportQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ importId }: GetSupportImportQuery): Promise<SupportImportRecorded['data'] | null> {
    const [recorded] = await this.store.readStream(supportImportStream(importId));
    return recorded ? (recorded.data as SupportImportRecorded['data']) : null;
  }
}

/** One returned payment list as recorded. */
export class GetPaymentReturnQuery extends Query<PaymentReturnRecorded['data'] | null> {
  constructor(readonly importId: string) {
    super();
  }
}

@QueryHandler(GetPaymentReturnQuery)
export class GetPaymentReturnHandler implements IQueryHandler<GetPaymentReturnQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ importId }: GetPaymentReturnQuery): Promise<PaymentReturnRecorded['data'] | null> {
    const [recorded] = await this.store.readStream(paymentReturnStream(importId));
    return recorded ? (recorded.data as PaymentReturnRecorded['data']) : null;
  }
}
