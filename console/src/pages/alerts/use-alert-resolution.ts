import { useEffect, useState } from 'react';
import { get } from '../../api/client';
import type { Alert } from '../../api/types';

/**
 * A resolved alert's note and recovery orders (GET /alerts/{id}); just after resolving, the read
 * model may take a moment to show it.
 */
export const useAlertResolution = (alert: Alert, status: string) => {
  const [resolution, setResolution] = useState(alert.resolution ?? null);
  useEffect(() => {
    if (status === 'open') return;
    let live = true;
    void (async () => {
      for (let attempt = 0; attempt < 20 && live; attempt += 1) {
        const detail = await get<Alert>(`/alerts/${encodeURIComponent(alert.id)}`).catch(() => null);
        if (detail?.resolution) {
          if (live) setResolution(detail.resolution);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    return () => {
      live = false;
    };
  }, [alert.id, status]);
  return resolution;
};
