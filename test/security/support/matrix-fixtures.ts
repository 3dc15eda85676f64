import { servedRoutes as servedBy } from '@lib/host';
import type { ApiTestApp } from '../../support/api-test-app';
import type { Fixtures } from '../authorization-table';
import { ApplicationFactory, type Stage } from './http-fixtures';

/**
 * What the authorization table's requests need: applications in each stage (made on demand),
 * and fraud alerts to read and resolve (three clusters of three applicants sharing a bank
 * account: rule F13 raises one alert on each).
 */
export const buildFixtures = async (api: ApiTestApp): Promise<Fixtures> => {
  const applications = new ApplicationFactory(api);
  const shared = new Map<Stage, Promise<{ id: string; citizenId: string }>>();
  for (const account of ['0071000111111', '0071000222222', '0071000333333']) {
    for (let n = 0; n < 3; n += 1) await applications.create('submitted', { bankAccount: account });
  }
  await api.settle();
  const alerts = await api.http.get('/alerts?rule=F13').set('Authorization', `Bearer ${api.token('inspector', null)}`);
  const alertIds: string[] = alerts.body.items.map((alert: { id: string }) => alert.id);
  if (alertIds.length < 3) throw new Error(`fixture: expected 3 or more F13 alerts, got ${JSON.stringify(alerts.body)}`);
  const [anyAlert, ...spare] = alertIds;
  return {
    applications,
    shared: (stage) => {
      if (!shared.has(stage)) shared.set(stage, applications.create(stage));
      return shared.get(stage)!;
    },
    takeAlert: () => {
      const id = spare.shift();
      if (!id) throw new Error('fixture: no fraud alert left to resolve');
      return id;
    },
    anyAlert: () => anyAlert,
  };
};

/** Every route the app serves, as `METHOD /path`. */
export const servedRoutes = (api: ApiTestApp): string[] => servedBy(api.app.getHttpAdapter().getInstance());
