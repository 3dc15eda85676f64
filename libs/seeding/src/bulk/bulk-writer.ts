import { BeneficiaryKeys, StreamWriter, SupportApplicationWriter, beneficiaryFold, supportApplicationFold, type Fold } from '@lib/application';
import { beneficiaryStream, supportApplicationStream } from '@lib/domain';
import type { Clock, ProgrammeRegistry } from '@lib/platform';
import type { BulkTotals } from './bulk-appender';
import { BulkStreams, type BulkStore, type BulkStreamsOptions } from './bulk-streams';

/**
 * The API's writer, deciding the same commands by the same rules, over streams kept in memory
 * and appended thousands per statement: `cli seed --bulk` and imports into a quiet database.
 */
export class BulkWriter {
  readonly streams: BulkStreams;
  readonly applications: SupportApplicationWriter;

  constructor(store: BulkStore, programmes: ProgrammeRegistry, private readonly keys: BeneficiaryKeys, clock: Clock, options: BulkStreamsOptions = {}) {
    this.streams = new BulkStreams(store, options);
    this.applications = new SupportApplicationWriter(new StreamWriter(this.streams, clock), programmes, keys);
  }

  /** Reads these applications' and citizens' streams in one query, before their commands. */
  prefetch(applicationIds: readonly string[], citizenIds: readonly string[] = []): Promise<void> {
    return this.streams.prefetch([
      ...applicationIds.map((id) => ({ streamId: supportApplicationStream(id), fold: supportApplicationFold as Fold<unknown> })),
      ...citizenIds.map((citizenId) => ({ streamId: beneficiaryStream(this.keys.keyOf(citizenId)), fold: beneficiaryFold as Fold<unknown> })),
    ]);
  }

  /** Stores everything queued; returns the totals. */
  finish(): Promise<BulkTotals> {
    return this.streams.appender.finish();
  }
}
