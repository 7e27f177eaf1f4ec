import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { boundStatement, statementBuilder } from './bound-statement';
import type { Executor } from './executor';
import { membershipsOf } from './users.repository';

export function insertSession(
  db: Executor,
  session: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string | null; ip: string | null },
) {
  return db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      expires_at: session.expiresAt,
      last_seen_at: new Date(),
      user_agent: session.userAgent,
      ip: session.ip,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The session with its user and the user's memberships, whatever its state; the caller decides
 * what expired or revoked means. One round trip: it runs before every call of the API whose
 * session is not kept in memory, so it is a bound statement (built once, not per lookup).
 */
export async function findSessionByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await sessionByTokenHash.execute(db, null, { tokenHash });
  return row;
}

const sessionByTokenHash = boundStatement((_: null, v: { tokenHash: string }) =>
  statementBuilder
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at as expiresAt',
      'sessions.revoked_at as revokedAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.email',
      'users.display_name as displayName',
      'users.locale',
      'users.disabled_at as disabledAt',
    ])
    .select((eb) => jsonArrayFrom(membershipsOf(eb.selectFrom('memberships'), eb.ref('users.id'))).as('memberships'))
    .where('sessions.token_hash', '=', v.tokenHash),
);

export function extendSession(db: Executor, sessionId: string, expiresAt: Date) {
  return db
    .updateTable('sessions')
    .set({ expires_at: expiresAt, last_seen_at: new Date() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function revokeSession(db: Executor, sessionId: string) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function revokeAllSessionsOfUser(db: Executor, userId: string) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
