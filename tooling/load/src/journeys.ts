/**
 * The user journeys the load drives, as autocannon request sequences. Each connection is one
 * signed-in user (its own session cookie); its state lives in a closure so a journey can follow
 * what the server answered (the draft's id, the version to autosave on, the idempotency key).
 */
import { randomUUID } from 'node:crypto';
import type { TRole } from '@tsumiki/domain';
import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import type { Request } from 'autocannon';
import { requiredUploads } from './documents';
import { CSRF_HEADERS, mutationBody, queryPath, resultOf } from './trpc-http';

export type Journey = 'applicant' | 'console' | 'dashboard';

export const JOURNEY_OF_ROLE: Partial<Record<TRole, Journey>> = {
  applicant: 'applicant',
  reviewer: 'console',
  committee: 'console',
  ministry: 'dashboard',
};

/** What the run learns from the answers, checked against the database afterwards. */
export interface JourneyLog {
  /** Idempotency keys of submits that got a receipt, with the receipt's tracking number. */
  receipts: Map<string, string>;
  /** Retries with the same key that answered the same receipt. */
  replaysMatched: number;
  /** Anything a user would call a bug: a version that did not move by one, a different receipt on retry… */
  mismatches: string[];
  /** Submits the form refused (incomplete): with complete demo content there should be none. */
  refusedSubmits: number;
}

export const newJourneyLog = (): JourneyLog => ({ receipts: new Map(), replaysMatched: 0, mismatches: [], refusedSubmits: 0 });

interface Draft {
  id: string;
  version: number;
  key: string;
  tracking?: string;
}

interface Receipt {
  ok: boolean;
  receipt?: { trackingNumber: string; versionNo: number };
}

const get = (procedure: string, cookie: string, input?: unknown): Request => ({
  method: 'GET',
  path: queryPath(procedure, input),
  headers: { cookie },
});

const post = (procedure: string, cookie: string, input: () => unknown): Request => ({
  method: 'POST',
  path: `/trpc/${procedure}`,
  headers: { ...CSRF_HEADERS, cookie },
  setupRequest: (request) => {
    const body = input();
    // No state to continue from (an earlier step failed and was counted): start the journey again.
    if (body === undefined) return null as unknown as typeof request;
    return { ...request, body: mutationBody(body) };
  },
});

export interface JourneyContext {
  programmeId: string;
  fiscalYear: number;
  asOf: string;
  log: JourneyLog;
}

function applicantJourney(cookie: string, c: JourneyContext): Request[] {
  const content = cltExampleApplicationContent();
  const uploads = requiredUploads('00000000-0000-4000-8000-000000000000');
  let draft: Draft | undefined;
  let saves = 0;
  const followVersion = (status: number, body: string) => {
    const view = status === 200 ? resultOf<{ version: number }>(body) : undefined;
    if (!draft || !view) return void (draft = undefined);
    if (view.version !== draft.version + 1) c.log.mismatches.push(`autosave of ${draft.id}: version ${draft.version} → ${view.version}`);
    draft.version = view.version;
  };
  return [
    get('programmes.list', cookie),
    {
      ...post('applications.createDraft', cookie, () => ({ programmeId: c.programmeId, title: `負荷試験 申請 ${randomUUID().slice(0, 8)}` })),
      onResponse: (status, body) => {
        const view = status === 200 ? resultOf<{ id: string; version: number }>(body) : undefined;
        draft = view ? { id: view.id, version: view.version, key: randomUUID() } : undefined;
      },
    },
    { ...post('applications.updateDraft', cookie, () => draft && { id: draft.id, version: draft.version, content }), onResponse: followVersion },
    // The required documents, one upload each (small PDFs), as the wizard's documents step does.
    // The list is worked out once per journey, not per upload: the load generator shares the
    // machine with the API, and its own work is taken from what it measures.
    ...uploads.map(
      (upload): Request => ({
        ...post('attachments.upload', cookie, () => draft && { ...upload, applicationId: draft.id }),
        onResponse: (status) => {
          if (status !== 200) draft = undefined;
        },
      }),
    ),
    {
      ...post('applications.updateDraft', cookie, () => draft && { id: draft.id, version: draft.version, title: `負荷試験 申請 保存${++saves}` }),
      onResponse: followVersion,
    },
    {
      ...get('applications.get', cookie),
      setupRequest: (request) => (draft ? { ...request, path: queryPath('applications.get', { id: draft.id }) } : (null as unknown as typeof request)),
      onResponse: (status, body) => {
        const view = status === 200 ? resultOf<{ version: number }>(body) : undefined;
        if (draft && view && view.version !== draft.version) c.log.mismatches.push(`read of ${draft.id}: version ${view.version}, saved ${draft.version}`);
      },
    },
    {
      ...post('applications.submit', cookie, () => draft && { id: draft.id, version: draft.version, idempotencyKey: draft.key }),
      onResponse: (status, body) => {
        const result = status === 200 ? resultOf<Receipt>(body) : undefined;
        if (!draft || !result) return void (draft = undefined);
        if (!result.ok || !result.receipt) {
          c.log.refusedSubmits++;
          return void (draft = undefined);
        }
        draft.tracking = result.receipt.trackingNumber;
        c.log.receipts.set(draft.key, draft.tracking);
      },
    },
    // The same submit again, as after a dropped answer: the first receipt, not a second submission.
    {
      ...post('applications.submit', cookie, () => draft?.tracking && { id: draft.id, version: draft.version, idempotencyKey: draft.key }),
      onResponse: (status, body) => {
        const result = status === 200 ? resultOf<Receipt>(body) : undefined;
        if (!draft) return;
        if (result?.receipt?.trackingNumber === draft.tracking) c.log.replaysMatched++;
        else if (status === 200) c.log.mismatches.push(`retried submit of ${draft.id} answered ${result?.receipt?.trackingNumber ?? 'no receipt'}, first ${draft.tracking ?? 'none'}`);
        draft = undefined;
      },
    },
  ];
}

function consoleJourney(cookie: string, c: JourneyContext): Request[] {
  return [
    get('review.programmes', cookie),
    get('review.queue', cookie, { programmeId: c.programmeId, page: 1, pageSize: 50, sort: 'submitted_at', direction: 'desc' }),
    get('review.queue', cookie, { programmeId: c.programmeId, statuses: ['submitted'], search: '申請', page: 2, pageSize: 50, sort: 'requested_grant', direction: 'desc' }),
  ];
}

function dashboardJourney(cookie: string, c: JourneyContext): Request[] {
  return [get('ccus.metrics', cookie), get('ccus.overview', cookie, { fiscalYear: c.fiscalYear, asOf: c.asOf })];
}

/**
 * The journey a procedure the load calls belongs to (each is called by one). The users do not pause,
 * so a cheaper journey sends more requests and the mixed total moves with the journeys' costs: the
 * figures per journey say what each kind of user got.
 */
export function journeyOfProcedure(procedure: string): Journey | 'other' {
  if (procedure.startsWith('review.')) return 'console';
  if (procedure.startsWith('ccus.')) return 'dashboard';
  if (procedure.startsWith('applications.') || procedure.startsWith('attachments.') || procedure === 'programmes.list') return 'applicant';
  return 'other';
}

export function journeyRequests(journey: Journey, cookie: string, c: JourneyContext): Request[] {
  if (journey === 'applicant') return applicantJourney(cookie, c);
  if (journey === 'console') return consoleJourney(cookie, c);
  return dashboardJourney(cookie, c);
}
