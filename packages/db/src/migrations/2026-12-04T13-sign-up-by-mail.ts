import type { Kysely } from 'kysely';

// A sign-up no longer makes a user: it makes the organisation and an invitation nobody sent (the
// applicant invites themself by e-mail), so the inviter may be empty.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisation_invitations').alterColumn('invited_by', (c) => c.dropNotNull()).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('organisation_invitations').where('invited_by', 'is', null).execute();
  await db.schema.alterTable('organisation_invitations').alterColumn('invited_by', (c) => c.setNotNull()).execute();
}
