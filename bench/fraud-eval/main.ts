import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { runFraudEval } from './fraud-eval';
import { formatTable } from './score';

const positiveInt = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
};
const rate = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 1) throw new InvalidArgumentError('must be a number above 0, at most 1');
  return parsed;
};

const program = new Command('fraud-eval')
  .description('seed a synthetic province with labelled fraud patterns, run the detectors, print precision and recall per rule')
  .option('--applications <n>', 'about how many applications', positiveInt, 200_000)
  .option('--fraud-rate <r>', 'injected cases per application, spread evenly over the rules', rate, 0.01)
  .option('--wards <n>', 'communes in the province', positiveInt, 200)
  .option('--seed <n>', 'random seed', positiveInt, 2020)
  .option('--batch <n>', 'events per projector batch', positiveInt, 5000)
  .option('--budget-cases <n>', 'approvals injected over the reported budget (F17)', positiveInt, 20)
  .option('--keep', 'keep the evaluation database')
  .option('--out <file>', 'the report as JSON (ground truth, scores, misses)', 'data/fraud-eval/report.json')
  .action(async (options) => {
    const report = await runFraudEval({
      applications: options.applications, fraudRate: options.fraudRate, wards: options.wards, seed: options.seed, batchSize: options.batch,
      budgetCases: options.budgetCases, keep: options.keep, serverUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      log: (line) => console.log(line),
    });
    console.log(`\n${report.applications} applications (${report.injectedApplications} injected, ${report.cases.length} cases), ${report.events} events; seeding ${report.seconds.seed.toFixed(1)} s, detectors ${report.seconds.detect.toFixed(1)} s`);
    console.log(`${report.alerts} alerts, ${report.alertsOnCleanData} of them on clean data only\n`);
    console.log(formatTable(report.scores));
    mkdirSync(options.out.replace(/\/[^/]*$/, ''), { recursive: true });
    writeFileSync(options.out, JSON.stringify(report, null, 2));
    const failing = report.scores.filter((s) => (s.recall ?? 1) < 1 || (s.precision ?? 1) < 0.99);
    if (failing.length) {
      console.log(`\nbelow target (recall 1.0, precision 0.99): ${failing.map((s) => s.rule).join(', ')}; see ${options.out}`);
      process.exitCode = 1;
    }
  });

program.parseAsync(process.argv).catch((error) => {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
});
