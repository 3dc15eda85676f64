import { useI18n, type MessageKey } from '../../i18n/i18n';
import type { ChainResult } from './hash-chain';

const REASONS: Record<string, MessageKey> = {
  'missing-version': 'chainMissingVersion',
  'hash-mismatch': 'chainHashMismatch',
  'no-webcrypto': 'chainNoWebCrypto',
  'missing-fields': 'chainMissingFields',
};

/** Whether the events' hash chain, recomputed in this browser, holds. */
export const ChainStatus = ({ chain }: { chain: ChainResult | null }) => {
  const { t } = useI18n();
  return (
    <div className={`chain chain-${chain?.state ?? 'checking'}`} data-testid="chain-status" data-state={chain?.state ?? 'checking'}>
      {chain === null && t('chainChecking')}
      {chain?.state === 'verified' && <>✔ {t('chainVerified')} ({chain.events})</>}
      {chain?.state === 'broken' && (
        <>
          ✘ {t('chainBroken')}: {t('version')} {chain.version} ({t(REASONS[chain.reason])})
        </>
      )}
      {chain?.state === 'unavailable' && <>? {t('chainUnavailable')} ({t(REASONS[chain.reason])})</>}
    </div>
  );
};
