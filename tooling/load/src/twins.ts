/**
 * Each procedure against its stack-limit twin (twin-server.ts) in the same run, one after the
 * other, with the same connections: one API process, one twin process, the same user's cookie.
 */
import type { DB } from '@tsumiki/db';
import { sql, type Kysely } from 'kysely';
import { cannon, figuresOf } from './cannon';
import { queryPath } from './trpc-http';

export interface TwinPair {
  procedure: string;
  rps: number;
  twinRps: number;
  /** The procedure's throughput over its twin's. */
  ratio: number;
  p99Ms: number;
  twinP99Ms: number;
  /** Answers that were not 200, either side (a twin that fails measures nothing). */
  failures: number;
}

export interface TwinSetup {
  db: Kysely<DB>;
  apiUrl: string;
  twinUrl: string;
  cookies: { applicant: string; reviewer: string; ministry: string };
  applicantEmail: string;
  programmeId: string;
  fiscalYear: number;
  asOf: string;
  durationS: number;
  connections: number;
  log: (line: string) => void;
}

interface Pair {
  procedure: string;
  cookie: string;
  apiPath: string;
  twinPath: string;
}

/** An application of the applicant's own organisation, for applications.get. */
async function applicationOf(db: Kysely<DB>, email: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    select a.id from applications a
    join memberships m on m.organisation_id = a.applicant_organisation_id
    join users u on u.id = m.user_id
    where u.email = ${email} order by a.created_at limit 1`.execute(db);
  return rows[0]?.id;
}

export async function runTwins(s: TwinSetup): Promise<TwinPair[]> {
  const applicationId = await applicationOf(s.db, s.applicantEmail);
  const queue = { programmeId: s.programmeId, page: 1, pageSize: 50, sort: 'submitted_at', direction: 'desc' };
  const pairs: Pair[] = [
    { procedure: 'programmes.list', cookie: s.cookies.applicant, apiPath: queryPath('programmes.list'), twinPath: '/twin/programmes.list' },
    {
      procedure: 'review.queue',
      cookie: s.cookies.reviewer,
      apiPath: queryPath('review.queue', queue),
      twinPath: `/twin/review.queue?programmeId=${s.programmeId}`,
    },
    {
      procedure: 'ccus.overview',
      cookie: s.cookies.ministry,
      apiPath: queryPath('ccus.overview', { fiscalYear: s.fiscalYear, asOf: s.asOf }),
      twinPath: `/twin/ccus.overview?fiscalYear=${s.fiscalYear}`,
    },
    ...(applicationId
      ? [{ procedure: 'applications.get', cookie: s.cookies.applicant, apiPath: queryPath('applications.get', { id: applicationId }), twinPath: `/twin/applications.get?id=${applicationId}` }]
      : []),
  ];
  const results: TwinPair[] = [];
  for (const pair of pairs) {
    const run = async (url: string) => {
      const { result, latencies } = await cannon({ url, connections: s.connections, duration: s.durationS, timeout: 30, headers: { cookie: pair.cookie } });
      return figuresOf(result, latencies);
    };
    const api = await run(`${s.apiUrl}${pair.apiPath}`);
    const twin = await run(`${s.twinUrl}${pair.twinPath}`);
    const entry: TwinPair = {
      procedure: pair.procedure,
      rps: api.throughputRps,
      twinRps: twin.throughputRps,
      ratio: Math.round((api.throughputRps / Math.max(1, twin.throughputRps)) * 100) / 100,
      p99Ms: api.p99Ms,
      twinP99Ms: twin.p99Ms,
      failures: api.non2xx + api.errors + api.timeouts + twin.non2xx + twin.errors + twin.timeouts,
    };
    s.log(`  twin ${entry.procedure.padEnd(18)} API ${entry.rps} req/s p99 ${entry.p99Ms} ms | twin ${entry.twinRps} req/s p99 ${entry.twinP99Ms} ms | ratio ${entry.ratio}${entry.failures ? ` | FAILURES ${entry.failures}` : ''}`);
    results.push(entry);
  }
  return results;
}
