import { useEffect, useState } from 'react';
import { get, query } from '../../api/client';
import { toProblem, type Problem } from '../../api/problem';
import type { OfficerActivity } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemBox } from '../../components/ProblemBox';
import { useI18n } from '../../i18n/i18n';
import { activityLink, navigate } from '../../routing/route';
import { ActivityForm, type ActivityQuery } from './ActivityForm';
import { ActivityTable } from './ActivityTable';

const vietnamToday = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** What one officer did, per day (GET /officers/{id}/activity), for inspectors and auditors. */
export const ActivityPage = ({ officerId, from, to }: { officerId: string | null; from: string | null; to: string | null }) => {
  const { t } = useI18n();
  const until = to ?? vietnamToday();
  const since = from ?? daysBefore(until, 30);
  const [activity, setActivity] = useState<OfficerActivity | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    setActivity(null);
    setProblem(null);
    if (!officerId) return;
    let live = true;
    get<OfficerActivity>(`/officers/${encodeURIComponent(officerId)}/activity${query({ from: since, to: until })}`).then(
      (answer) => live && setActivity(answer),
      (error) => live && setProblem(toProblem(error)),
    );
    return () => {
      live = false;
    };
  }, [officerId, since, until]);

  const show = (next: ActivityQuery) => navigate(activityLink(next.officerId, next.from, next.to));
  return (
    <div>
      <h2>{t('activityTitle')}</h2>
      <p className="muted">{t('activityHelp')}</p>
      <ActivityForm key={`${officerId}-${since}-${until}`} initial={{ officerId: officerId ?? '', from: since, to: until }} onSubmit={show} errors={problem?.errors ?? []} />
      <ProblemBox problem={problem} />
      {officerId && !activity && !problem && <Loading />}
      {activity && (
        <section className="card">
          <h3 data-testid="activity-officer">{activity.officerId}</h3>
          <ActivityTable activity={activity} />
        </section>
      )}
    </div>
  );
};
