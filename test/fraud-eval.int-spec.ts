import { TEST_SERVER_URL } from '@lib/testing';
import { runFraudEval } from '../bench/fraud-eval/fraud-eval';

/**
 * The labelled-data evaluation at a small size (npm run fraud-eval runs it province-sized):
 * every injected pattern found, and alerts on clean data rare.
 */
describe('Fraud detectors on a synthetic province with injected patterns', () => {
  it('find every injected case of every rule, with precision at least 0.99', async () => {
    const report = await runFraudEval({ applications: 1500, fraudRate: 0.2, wards: 12, seed: 7, batchSize: 300, budgetCases: 3, serverUrl: TEST_SERVER_URL });
    const summary = report.scores.map((s) => ({ rule: s.rule, recall: s.recall, missed: s.missed.map((c) => c.variant), falseAlerts: s.falseAlerts.length }));
    expect(summary.map((s) => s.rule)).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F20']);
    expect(summary.filter((s) => s.recall !== 1)).toEqual([]);
    for (const s of report.scores) expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(report.alertsOnCleanData).toBe(0);
  }, 240_000);
});
