import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { prewarmSheetReader, startReminderTimer, watchCcusOverviews, watchReviewQueues, watchSessions } from '@tsumiki/api';
import { ROLE_APP } from '@tsumiki/domain';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLogin } from './seed/demo';
import { buildServer } from './app';
import { loadEnv, REPO_ROOT, secondFactorSettingsFrom } from './env';
import { buildMetricsServer, createMetrics } from './metrics';
import { startOutboxWorker } from './outbox-worker';
import { attachmentStoreFrom, mailTransportFrom, openDatabase, seedIfEmpty } from './runtime';

/**
 * Starts everything on one machine: the API on its own port and each app on its own, every one of
 * them serving /trpc from the same process and database, so the apps call their own origin.
 */
async function main() {
  const started = Date.now();
  const env = loadEnv();
  const { database, applied } = await openDatabase(env);
  const logins = env.TSUMIKI_SEED_DEMO ? await seedIfEmpty(database) : null;

  const host = env.TSUMIKI_HOST;
  const apps = [
    { name: 'portal', label: '申請者ポータル (applicant portal)', port: env.TSUMIKI_PORTAL_PORT },
    { name: 'console', label: '審査コンソール (reviewer console)', port: env.TSUMIKI_CONSOLE_PORT },
    { name: 'dashboard', label: '団体ダッシュボード (association dashboard)', port: env.TSUMIKI_DASHBOARD_PORT },
  ] as const;
  const origins = apps.flatMap((a) => [`http://localhost:${a.port}`, `http://127.0.0.1:${a.port}`, `http://${host}:${a.port}`]);
  const allowedOrigins = [...new Set([...origins, ...env.TSUMIKI_ALLOWED_ORIGINS])];
  const logger = { level: env.TSUMIKI_LOG_LEVEL };
  const trustProxy = env.TSUMIKI_TRUST_PROXY;
  const attachments = attachmentStoreFrom(env);
  const secondFactor = secondFactorSettingsFrom(env);
  // Every port of the process shares one cache, kept right by the database's notices.
  const watched = env.TSUMIKI_SESSION_CACHE ? await watchSessions(database) : null;
  const sessions = watched?.cache;
  const overviews = env.TSUMIKI_OVERVIEW_CACHE ? await watchCcusOverviews(database) : null;
  const ccusOverviews = overviews?.cache;
  const queues = env.TSUMIKI_QUEUE_CACHE ? await watchReviewQueues(database) : null;
  const reviewQueues = queues?.cache;
  const caches = { ...(sessions ? { sessions } : {}), ...(ccusOverviews ? { ccusOverviews } : {}), ...(reviewQueues ? { reviewQueues } : {}) };

  // One registry for the process: the API's port and the apps' ports all count into it.
  const metrics = env.TSUMIKI_METRICS_PORT > 0 ? createMetrics(database) : undefined;

  const servers: { close(): Promise<unknown> }[] = [];
  const api = await buildServer({ db: database.db, allowedOrigins, secureCookies: env.TSUMIKI_SECURE_COOKIES, trustProxy, attachments, logger, metrics, secondFactor, ...caches });
  await api.listen({ host, port: env.TSUMIKI_API_PORT });
  // Spreadsheet imports are read in a worker thread; start the first one now rather than at the first upload.
  prewarmSheetReader();
  servers.push(api);
  for (const app of env.TSUMIKI_SERVE_APPS ? apps : []) {
    const staticDir = resolve(REPO_ROOT, 'apps', app.name, 'dist');
    if (!existsSync(resolve(staticDir, 'index.html'))) {
      throw new Error(`apps/${app.name} is not built (${staticDir}). Run "pnpm build" or use "npm start".`);
    }
    const server = await buildServer({
      db: database.db,
      allowedOrigins,
      secureCookies: env.TSUMIKI_SECURE_COOKIES,
      trustProxy,
      attachments,
      logger,
      staticDir,
      metrics,
      secondFactor,
      ...caches,
    });
    await server.listen({ host, port: app.port });
    servers.push(server);
  }
  if (metrics) {
    const scrape = await buildMetricsServer(metrics, env.TSUMIKI_METRICS_TOKEN);
    await scrape.listen({ host: env.TSUMIKI_METRICS_HOST, port: env.TSUMIKI_METRICS_PORT });
    servers.push(scrape);
  }

  // E-mail through the outbox, to the dev mail catcher or an SMTP server (TSUMIKI_MAIL_TRANSPORT).
  const outbox = env.TSUMIKI_OUTBOX_INTERVAL_MS > 0 ? startOutboxWorker({ db: database.db, transport: mailTransportFrom(env), intervalMs: env.TSUMIKI_OUTBOX_INTERVAL_MS, log: (line) => console.log(line) }) : null;

  // Reminders for requests to applicants, written to the outbox the worker above delivers.
  const reminders = env.TSUMIKI_REMINDERS_INTERVAL_MS > 0 ? startReminderTimer({ db: database.db, intervalMs: env.TSUMIKI_REMINDERS_INTERVAL_MS, log: (line) => console.log(line) }) : null;

  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    outbox?.stop();
    reminders?.stop();
    await Promise.allSettled(servers.map((s) => s.close()));
    await watched?.close();
    await overviews?.close();
    await queues?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const lines = [
    '',
    '積み木 Tsumiki is running',
    `  attachments: ${attachments.kind}${env.TSUMIKI_ATTACHMENT_STORE === 'filesystem' ? ` (${env.TSUMIKI_ATTACHMENT_DIR ?? ''})` : ''}`,
    `  database: ${database.kind} (${database.location})${applied.length ? `, migrated: ${applied.join(', ')}` : ''}`,
    `  API:       http://localhost:${env.TSUMIKI_API_PORT}/trpc  (health /healthz, readiness /readyz)`,
    ...(metrics ? [`  metrics:   http://${env.TSUMIKI_METRICS_HOST}:${env.TSUMIKI_METRICS_PORT}/metrics${env.TSUMIKI_METRICS_TOKEN ? ' (bearer token)' : ''}`] : []),
    ...apps.map((a) => `  ${a.name.padEnd(10)} http://localhost:${a.port}/  ${a.label}${env.TSUMIKI_SERVE_APPS ? '' : ' (Vite dev server)'}`),
    '',
    logins ? '  Demo logins (seeded just now):' : '  Demo logins (from an earlier seed):',
    ...demoLoginLines(logins),
    `  password for all: ${DEMO_PASSWORD}`,
    `  staff second factor (TSUMIKI_STAFF_TOTP): ${secondFactor.mode}${secondFactor.mode === 'required' ? ' — staff enrol an authenticator app at first sign-in' : ''}`,
    '',
    `  ready in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl+C to stop`,
    '',
  ];
  console.log(lines.join('\n'));
}

function demoLoginLines(logins: DemoLogin[] | null): string[] {
  const rows = logins ?? DEMO_ACCOUNTS.map((a) => ({ ...a, organisation: '' }));
  return rows.map(
    (l) => `    ${l.role.padEnd(21)} ${l.email.padEnd(28)} → ${ROLE_APP[l.role]}${l.organisation ? `  (${l.organisation})` : ''}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
