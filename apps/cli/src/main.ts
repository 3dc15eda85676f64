import 'reflect-metadata';
import { Command, InvalidArgumentError, Option } from 'commander';
import { AnchorFileInvalid, AnchorKeyInvalid, ConfigInvalid, validateConfig } from '@lib/platform';
import { prepareDatabase } from '@lib/projections';
import { cliContext } from './cli-context';
import { printHistory } from './commands/history.command';
import { trialModeHistoryHelp } from './commands/trial-mode-history';
import { seed } from './commands/seed.command';
import { mintToken } from './commands/token.command';
import { printStatus, rebuild } from './commands/projections.command';
import { VerifyUsage, verify } from './commands/verify.command';
import { makeAnchorKey } from './commands/anchor-key.command';
import { seedFraud } from './commands/seed-fraud.command';
import { importSpreadsheet } from './commands/import.command';

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
  .command('import')
  .description("upload an XLSX or CSV of applications to a running service's POST /imports, with a progress bar")
  .requiredOption('--file <path>', 'the spreadsheet (template.xlsx layout, or CSV with the same headers)')
  .requiredOption('--ward <code>', 'the ward the rows belong to')
  .option('--programme <id>', 'programme id', 'nq42-2020')
  .requiredOption('--category <code>', 'category code')
  .option('--received-on <date>', 'the day the ward received the dossiers (YYYY-MM-DD)')
  .option('--url <url>', 'the service', 'http://localhost:3000')
  .option('--token <jwt>', 'an intake officer token of the ward (default: RELIEF_TOKEN)')
  .option('--no-progress', 'no progress bar')
  .action(async (options) => {
    const { status, body } = await importSpreadsheet(options);
    if (status >= 400) {
      console.error(`refused (${status} ${String(body.code)}): ${String(body.detail)}`);
      process.exitCode = 1;
      return;
    }
    console.log(`${status === 200 ? 'already imported' : 'imported'} ${String(body.id)}: ${String(body.rows)} rows, ${String(body.accepted)} accepted, ${String(body.refused)} refused`);
    for (const entry of (body.report as { row: number; column?: string; message: string }[]) ?? []) console.log(`  row ${entry.row}${entry.column ? ` [${entry.column}]` : ''}: ${entry.message}`);
  });

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
    if (!process.env.DATABASE_URL) {
      console.error(trialModeHistoryHelp(applicationId, process.env.PORT));
      process.exitCode = 2;
      return;
    }
    const app = await cliContext();
    try {
      const intact = await printHistory(app, applicationId, (line) => console.log(line));
      process.exitCode = intact ? 0 : 1;
    } finally {
      await app.close();
    }
  });

const collect = (value: string, previous: string[]): string[] => [...previous, value];

program
  .command('verify')
  .description('recompute every hash chain, compare every read model with a fresh fold of the log and, with --anchors, the log with signed anchors; exit 1 on any mismatch')
  .option('--anchors <file|dir>', 'anchors kept outside the database: the body of GET /anchors saved as a file, or a folder of ANCHOR_DIR files (repeatable)', collect, [])
  .option('--public-key <file>', 'a public key you trust to have signed them: PEM, or the body of GET /anchors/keys saved as a file (repeatable)', collect, [])
  .addOption(new Option('--lang <language>', 'the report\'s language').choices(['en', 'vi']).default('en'))
  .option('--no-progress', 'no progress bar')
  .action(async (options) => {
    try {
      const intact = await verify(validateConfig(process.env), { progress: options.progress, anchors: options.anchors, publicKeys: options.publicKey, lang: options.lang }, (line) => console.log(line));
      process.exitCode = intact ? 0 : 1;
    } catch (error) {
      if (!(error instanceof VerifyUsage || error instanceof AnchorFileInvalid || error instanceof AnchorKeyInvalid)) throw error;
      console.error(`error: ${error.message}`);
      process.exitCode = 2;
    }
  });

program
  .command('anchor-key')
  .description('make an Ed25519 key pair for signing anchors: the private key for ANCHOR_KEY_FILE, the public key for auditors')
  .requiredOption('--out <file>', 'where to write the private key (PEM, owner-only; never over an existing file); the public key goes beside it as <name>.pub.pem')
  .action((options) => makeAnchorKey(options.out, (line) => console.log(line)));

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
