import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api/client';
import type { ApplicationView } from '../../api/types';

/** The applications an alert names, as they stand now; one the reader may not open is left out. */
export const useAlertApplications = (applicationIds: readonly string[]) => {
  const [views, setViews] = useState<Map<string, ApplicationView> | null>(null);
  const key = applicationIds.join(',');
  const load = useCallback(async () => {
    const loaded = await Promise.all(key.split(',').filter(Boolean).map((id) => get<ApplicationView>(`/applications/${encodeURIComponent(id)}`).catch(() => null)));
    setViews(new Map(loaded.filter((view): view is ApplicationView => view !== null).map((view) => [view.id, view])));
  }, [key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { views, reload: load };
};

/** Paid and not yet ordered back: what a recovery order would cover. */
export const unrecovered = (view: ApplicationView): number => Math.max(0, view.paidAmount - view.recoveryOrderedAmount);
