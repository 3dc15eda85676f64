import { useI18n } from '../../i18n/i18n';

export type ImportStage = { stage: 'upload'; sent: number; total: number } | { stage: 'server'; phase: string; done: number; total: number };

/** The upload's bytes, then the rows the server has decided: one bar, with its words for screen readers. */
export const ImportProgressBar = ({ progress }: { progress: ImportStage }) => {
  const { t } = useI18n();
  const [value, max, text] =
    progress.stage === 'upload'
      ? [progress.sent, progress.total || 1, t('importUploading', { percent: Math.round((100 * progress.sent) / (progress.total || 1)) })]
      : progress.phase === 'deciding' && progress.total > 0
        ? [progress.done, progress.total, t('importDeciding', { done: progress.done, total: progress.total })]
        : progress.phase === 'recording' || progress.phase === 'done'
          ? [1, 1, t('importRecording')]
          : [0, 1, t('importReading')];
  return (
    <div className="import-progress" data-testid="import-progress" data-stage={progress.stage}>
      <progress value={value} max={max} aria-label={t('importProgress')} />
      <span role="status">{text}</span>
    </div>
  );
};
