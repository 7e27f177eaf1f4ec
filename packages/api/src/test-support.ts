// Test-only helpers shared by this package's integration tests.
import type { MinistryOverviewCache } from './routers/ccus/overview-cache';
import type { ReviewQueueCache } from './routers/review/queue-cache';
import { insertAttachment, insertMembership, insertOrganisation, insertProgramme, insertUser, type Database } from '@tsumiki/db';
import { errorMessage, ROLE_ORGANISATION_KIND, ROLES, type TProgrammeKind, type TRole } from '@tsumiki/domain';
import { BUILTIN_PROGRAMMES, documentsToAttach, type TApplicationContent } from '@tsumiki/domain/programmes';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll } from 'vitest';
import { hashPassword } from './auth/password';
import type { SecondFactorSettings } from './auth/totp';
import type { SessionCache } from './auth/session-cache';
import { createContext, type CookieJar, type RequestInfo } from './context';
import { createCaller } from './root';
import type { AttachmentStore } from './storage/attachment-store';

export const PASSWORD = 'correct horse battery staple';

export class MemoryCookieJar implements CookieJar {
  token: string | undefined;
  expiresAt: Date | undefined;
  read() {
    return this.token;
  }
  write(token: string, expiresAt: Date) {
    this.token = token;
    this.expiresAt = expiresAt;
  }
  clear() {
    this.token = undefined;
  }
}

export const silentLog = { info() {}, warn() {}, error() {} };

/** 'ok', or the refusal as "<tRPC code> <catalogue code>" (e.g. "BAD_REQUEST lifecycle.request_overdue"). */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return `${error.code} ${(error.cause as { code?: string } | undefined)?.code ?? ''}`.trim();
  }
}

export function requestInfo(overrides: Partial<RequestInfo> = {}): RequestInfo {
  return {
    requestId: 'test',
    ip: '127.0.0.1',
    userAgent: 'vitest',
    origin: 'http://localhost:5173',
    host: 'localhost:5173',
    protocol: 'http',
    fetchSite: 'same-origin',
    hasCsrfHeader: true,
    acceptLanguage: 'ja',
    ...overrides,
  };
}

/** One organisation per kind and one user per role, plus a second applicant organisation. */
export async function seedRoles(database: Database) {
  const { db } = database;
  const orgs = {
    applicant: await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者A', name_en: 'Applicant A', short_name_ja: null }),
    otherApplicant: await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者B', name_en: 'Applicant B', short_name_ja: null }),
    programme_office: await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null }),
    association: await insertOrganisation(db, { kind: 'association', name_ja: '協会', name_en: 'Association', short_name_ja: '協' }),
    ministry: await insertOrganisation(db, { kind: 'ministry', name_ja: '国土交通省', name_en: 'MLIT', short_name_ja: null }),
  };
  const passwordHash = await hashPassword(PASSWORD);
  const users = {} as Record<TRole, { id: string; email: string }>;
  for (const role of ROLES) {
    const email = `${role}@example.jp`;
    const user = await insertUser(db, { email, displayName: `${role} user`, passwordHash });
    await insertMembership(db, { userId: user.id, organisationId: orgs[ROLE_ORGANISATION_KIND[role]].id, role });
    users[role] = { id: user.id, email };
  }
  const other = await insertUser(db, { email: 'other-applicant@example.jp', displayName: 'other', passwordHash });
  await insertMembership(db, { userId: other.id, organisationId: orgs.otherApplicant.id, role: 'applicant' });
  const programme = await insertProgramme(db, {
    code: 'clt-demo',
    kind: 'clt_demonstration',
    name_ja: 'CLT実証',
    name_en: 'CLT demonstration',
    fiscal_year: 2026,
    window_opens_at: new Date(Date.now() - 86_400_000),
    window_closes_at: new Date(Date.now() + 30 * 86_400_000),
    budget_yen: 627_000_000,
    office_organisation_id: orgs.programme_office.id,
    is_demo: true,
  });
  const closedProgramme = await insertProgramme(db, {
    code: 'co2-2025',
    kind: 'co2_factor_support',
    name_ja: 'CO2原単位',
    name_en: 'CO2 factors',
    fiscal_year: 2025,
    window_opens_at: new Date('2025-03-31T15:00:00Z'),
    window_closes_at: new Date('2025-12-24T15:00:00Z'),
    budget_yen: 100_000_000,
    office_organisation_id: orgs.programme_office.id,
  });
  return { orgs, users, otherApplicant: { id: other.id, email: 'other-applicant@example.jp' }, programme, closedProgramme };
}

export interface Client {
  caller: ReturnType<typeof createCaller>;
  cookies: MemoryCookieJar;
}

/** A caller with its own cookie jar, like one browser. */
export async function clientFor(
  database: Database,
  options: {
    cookies?: MemoryCookieJar;
    request?: Partial<RequestInfo>;
    now?: () => Date;
    attachments?: AttachmentStore;
    secondFactor?: SecondFactorSettings;
    sessions?: SessionCache;
    ccusOverviews?: MinistryOverviewCache;
    reviewQueues?: ReviewQueueCache;
  } = {},
): Promise<Client> {
  const cookies = options.cookies ?? new MemoryCookieJar();
  const ctx = await createContext(
    {
      db: database.db,
      allowedOrigins: ['http://localhost:5173'],
      log: silentLog,
      ...(options.now ? { now: options.now } : {}),
      ...(options.attachments ? { attachments: options.attachments } : {}),
      ...(options.secondFactor ? { secondFactor: options.secondFactor } : {}),
      ...(options.sessions ? { sessions: options.sessions } : {}),
      ...(options.ccusOverviews ? { ccusOverviews: options.ccusOverviews } : {}),
      ...(options.reviewQueues ? { reviewQueues: options.reviewQueues } : {}),
    },
    requestInfo(options.request),
    cookies,
  );
  return { caller: createCaller(ctx), cookies };
}

/** Signs in and returns a fresh client carrying the session cookie. */
export async function signedInClient(database: Database, email: string, options: { now?: () => Date; attachments?: AttachmentStore; ccusOverviews?: MinistryOverviewCache; reviewQueues?: ReviewQueueCache } = {}) {
  const anonymous = await clientFor(database);
  await anonymous.caller.auth.signIn({ email, password: PASSWORD });
  return clientFor(database, { cookies: anonymous.cookies, ...options });
}

/** A one-page PDF, as small as a PDF gets: enough for type detection and page counting. */
export function tinyPdf(pages = 1): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objects = Array.from({ length: pages }, (_, i) => `${3 + i} 0 obj<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>endobj`).join('\n');
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type /Catalog /Pages 2 0 R>>endobj\n2 0 obj<</Type /Pages /Kids [${kids}] /Count ${pages}>>endobj\n${objects}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** Inside a describe: a fresh database of the backend seeded with seedRoles, made before its tests and closed after. */
export function seededDatabase(backend: { create(): Promise<Database> }) {
  const state = {} as { database: Database; seed: Awaited<ReturnType<typeof seedRoles>> };
  beforeAll(async () => {
    state.database = await backend.create();
    state.seed = await seedRoles(state.database);
  });
  afterAll(() => state.database.close());
  return state;
}

/** A refused call as the user sees it: the HTTP-ish code, the catalogue code and the Japanese message. */
export async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { code?: string; params?: Record<string, string | number> } | undefined;
    return { code: error.code, appCode: cause?.code, message: cause?.code ? errorMessage(cause.code, 'ja', cause.params) : error.message };
  }
  throw new Error('expected a refusal, got success');
}

/** The tRPC code and the catalogue code of a refusal, for tests that compare both exactly. */
export async function refusalCodesOf(promise: Promise<unknown>) {
  const { code, appCode } = await refusalOf(promise);
  return { code, appCode };
}

/** Attaches every document the call requires of this content (as many copies as parties), straight into the table. */
export async function attachRequiredDocuments(
  database: Database,
  input: { applicationId: string; kind: TProgrammeKind; content: TApplicationContent; uploadedBy: string },
) {
  for (const r of documentsToAttach(input.kind, BUILTIN_PROGRAMMES[input.kind], input.content))
    for (let copy = 0; copy < r.copies; copy++)
      await insertAttachment(database.db, {
        applicationId: input.applicationId,
        uploadedBy: input.uploadedBy,
        fileName: `${r.document.code}-${copy + 1}.pdf`,
        declaredType: 'application/pdf',
        detectedType: 'application/pdf',
        sha256: '0'.repeat(64),
        content: tinyPdf(),
        documentCode: r.document.code,
        pageCount: 1,
      });
}
