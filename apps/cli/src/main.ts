import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigInvalid, validateConfig } from '@lib/platform';
import { prepareDatabase } from '@lib/projections';
import { cliContext } from './cli-context';
import { printHistory } from './commands/history.command';
import { seed } from './commands/seed.command';
import { mintToken } from './commands/token.command';
import { printStatus, rebuild } from './commands/projections.command';
import { verify } from './commands/verify.command';
import { seedFraud } from './commands/seed-fraud.command';

const positiveInt = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
};

const program = new Command('relief-ledger').description('relief-ledger operations: migrate, tokens, demo data, case history').showHelpAfterError();

program
  .command('migrate')
  .description('create the database if missing and apply pending migrations')
  .action(async () => {
    const applied = await prepareDatabase(validateConfig(process.env));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
  });

program
  .command('token')
  .description('mint a development JWT signed with JWT_SECRET')
  .requiredOption('--sub <id>', 'the officer id, recorded as the actor')
  .requiredOption('--role <role...>', 'one or more roles')
  .option('--ward <code>', 'ward code for ward-scoped roles')
  .option('--name <name>', 'display name')
  .option('--expires <span>', 'lifetime, e.g. 8h or 30m', '8h')
  .action((options) => console.log(mintToken(validateConfig(process.env), options)));

program
  .command('seed')
  .description('drive realistic demo applications through the domain (not raw inserts)')
  .option('--applications <n>', 'how many applications', positiveInt, 200)
  .option('--wards <n>', 'spread over this many wards (W01, W02, …)', positiveInt, 12)
  .option('--seed <n>', 'random seed: the same seed gives the same people and claims', positiveInt, 2020)
  .option('--concurrency <n>', 'applications in flight at once', positiveInt, 8)
  .option('--bulk', 'decide in memory and append thousands of commands per statement (fast; for seeding an empty or quiet database)')
  .option('--programme <id>', 'programme id', 'nq42-2020')
  .option('--no-progress', 'no progress bar')
  .action(async (options) => {
    const config = validateConfig(process.env);
    await prepareDatabase(config);
    const app = await cliContext();
    try {
      const started = Date.now();
      const report = await seed(app, options);
      const seconds = (Date.now() - started) / 1000;
      console.log(`seeded ${report.applications} applications (${report.events} events) in ${seconds.toFixed(1)} s: ${JSON.stringify(report.byStatus)}`);
    } finally {
      await app.close();
    }
  });

program
  .command('history')
  .argument('<applicationId>', 'the application id')
  .description('print an application\'s timeline: who, what, when, under which programme version')
  .action(async (applicationId: string) => {
    const app = await cliContext();
    try {
      const intact = await printHistory(app, applicationId, (line) => console.log(line));
      process.exitCode = intact ? 0 : 1;
    } finally {
      await app.close();
    }
  });

program
  .command('verify')
  .description('recompute every hash chain and compare every application with its read-model row; exit 1 on any mismatch')
  .option('--no-progress', 'no progress bar')
  .action(async (options) => {
    const intact = await verify(validateConfig(process.env), options.progress, (line) => console.log(line));
    process.exitCode = intact ? 0 : 1;
  });

const projections = program.command('projections').description('read models: status and rebuild');

projections
  .command('status')
  .description('checkpoint, lag and version of every projection')
  .action(() => printStatus(validateConfig(process.env), (line) => console.log(line)));

projections
  .command('rebuild')
  .argument('<name>', 'projection name, as `projections status` lists it')
  .description('rebuild into fresh tables from position zero, then switch over; the API keeps serving meanwhile')
  .option('--no-progress', 'no progress bar')
  .action((name: string, options) => rebuild(validateConfig(process.env), name, options.progress, (line) => console.log(line)));

const rate = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return parsed;
};

program
  .command('seed-fraud')
  .description('a synthetic province decided in memory, with fraud patterns injected as legacy imports at a rate; writes the ground truth')
  .option('--applications <n>', 'about how many applications', positiveInt, 20_000)
  .option('--fraud-rate <r>', 'injected cases per application (0 to 1), spread evenly over the rules', rate, 0.01)
  .option('--wards <n>', 'spread over this many wards (W001, W002, …)', positiveInt, 200)
  .option('--seed <n>', 'random seed', positiveInt, 2020)
  .option('--programme <id>', 'programme id', 'nq42-2020')
  .option('--out <file>', 'ground truth (JSON): per injected case, the rule and the application ids', 'data/fraud-ground-truth.json')
  .action(async (options) => {
    await prepareDatabase(validateConfig(process.env));
    const app = await cliContext();
    try {
      const started = Date.now();
      const report = await seedFraud(app, options, (line) => console.log(line));
      console.log(`seeded ${report.applications} applications (${report.injectedApplications} in ${report.cases.length} injected cases), ${report.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s; ground truth in ${options.out}`);
    } finally {
      await app.close();
    }
  });

program.parseAsync(process.argv).catch((error) => {
  console.error(error instanceof ConfigInvalid ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
});
