import pg from 'pg';

export interface ConnectionFigures {
  samples: number;
  max: number;
  mean: number;
  maxActive: number;
}

/** Samples pg_stat_activity for one database every interval until stopped. */
export function sampleConnections(adminUrl: string, database: string, intervalMs = 1000) {
  const client = new pg.Client({ connectionString: adminUrl });
  const totals: number[] = [];
  let maxActive = 0;
  let timer: NodeJS.Timeout | undefined;
  const ready = client.connect().then(() => {
    const sample = async () => {
      const { rows } = await client.query<{ total: string; active: string }>(
        `select count(*) as total, count(*) filter (where state = 'active') as active
         from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [database],
      );
      totals.push(Number(rows[0]!.total));
      maxActive = Math.max(maxActive, Number(rows[0]!.active));
    };
    timer = setInterval(() => void sample().catch(() => {}), intervalMs);
    return sample();
  });
  return {
    ready,
    async stop(): Promise<ConnectionFigures> {
      clearInterval(timer);
      await ready.catch(() => {});
      await client.end().catch(() => {});
      const max = Math.max(0, ...totals);
      const mean = totals.length ? Math.round((totals.reduce((s, x) => s + x, 0) / totals.length) * 10) / 10 : 0;
      return { samples: totals.length, max, mean, maxActive };
    },
  };
}
