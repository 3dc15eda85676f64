import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { ApplicationView } from '../../api/types';
import { waitForVersion } from '../../api/wait-for-version';
import { RecoveryPanel } from '../../components/actions/RecoveryPanel';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';

/** One paid application behind an alert, with the inspector's recovery order. */
export const RecoveryFor = ({ applicationId, onDone }: { applicationId: string; onDone: () => void }) => {
  const [view, setView] = useState<ApplicationView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = useCallback(() => {
    get<ApplicationView>(`/applications/${applicationId}`).then(setView, (error) => setProblem(toProblem(error)));
  }, [applicationId]);
  useEffect(load, [load]);
  if (problem) return <ProblemBox problem={problem} />;
  if (!view) return <Loading />;
  return (
    <RecoveryPanel
      view={view}
      onDone={(result) => {
        waitForVersion(result.id, result.version).then(() => {
          load();
          onDone();
        }, (error) => setProblem(toProblem(error)));
      }}
    />
  );
};
