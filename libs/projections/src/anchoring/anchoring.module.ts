import { Inject, Logger, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Pool } from 'pg';
import { PG_POOL, anchorDirectory, resolveAnchorKey, type AppConfig } from '@lib/platform';
import { AnchorSigner } from './anchor-signer';
import { AnchoringLoop } from './anchoring-loop';

/**
 * Signs anchors in whichever process runs the projector (ProjectorModule imports this): every
 * ANCHOR_INTERVAL_MS while the log grows, into the anchors table and ANCHOR_DIR. The key comes
 * from ANCHOR_KEY_FILE (required outside trial mode); main.ts checks it before start-up too, for
 * a one-line refusal.
 */
@Module({
  providers: [
    {
      provide: AnchorSigner,
      inject: [PG_POOL, ConfigService],
      useFactory: (pool: Pool, config: ConfigService<AppConfig, true>) => {
        const settings = {
          ANCHOR_KEY_FILE: config.get('ANCHOR_KEY_FILE'),
          ANCHOR_DIR: config.get('ANCHOR_DIR'),
          DATA_DIR: config.get('DATA_DIR'),
          DATABASE_URL: config.get('DATABASE_URL'),
        };
        const { key } = resolveAnchorKey(settings);
        const logger = new Logger('Anchoring');
        return new AnchorSigner(pool, {
          key,
          dir: anchorDirectory(settings),
          onFileError: (error) => logger.error(`an anchor file could not be written, will retry: ${(error as Error).message}`),
        });
      },
    },
    {
      provide: AnchoringLoop,
      inject: [AnchorSigner, ConfigService],
      useFactory: (signer: AnchorSigner, config: ConfigService<AppConfig, true>) => {
        const logger = new Logger('Anchoring');
        return new AnchoringLoop(signer, {
          intervalMs: config.get('ANCHOR_INTERVAL_MS'),
          onSigned: (anchors, position) => logger.debug(`signed ${anchors} anchor(s), up to position ${position}`),
          onError: (error) => logger.error(`anchoring failed, will retry: ${(error as Error).message}`),
        });
      },
    },
  ],
  exports: [AnchorSigner],
})
export class AnchoringModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(AnchoringLoop) private readonly loop: AnchoringLoop, @Inject(AnchorSigner) private readonly signer: AnchorSigner, @Inject(ConfigService) private readonly config: ConfigService<AppConfig, true>) {}

  onApplicationBootstrap(): void {
    new Logger('Anchoring').log(
      `signing anchors of the log with key ${this.signer.keyId} every ${this.config.get('ANCHOR_INTERVAL_MS')} ms while it grows; files in ${anchorDirectory({ ANCHOR_DIR: this.config.get('ANCHOR_DIR'), DATA_DIR: this.config.get('DATA_DIR'), DATABASE_URL: this.config.get('DATABASE_URL') })}`,
    );
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
