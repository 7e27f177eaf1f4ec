import { TRPCError } from '@trpc/server';
import type { Database } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { ROLES, type TRole } from '@tsumiki/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './root';
import { clientFor, seedRoles, signedInClient, type Client } from './test-support';
import type { Meta } from './trpc';

/**
 * Generated from the routers themselves: every procedure is called as every role and as nobody,
 * and the outcome must match the access its builder declared. A new procedure is covered the
 * moment it exists; one without declared access fails here.
 */
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>);

function callPath(client: Client, path: string): Promise<unknown> {
  let target: unknown = client.caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  // Deliberately no input: allowed callers then fail validation, refused callers fail the guard first.
  return (target as (input?: unknown) => Promise<unknown>)(undefined);
}

async function outcome(promise: Promise<unknown>): Promise<'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN'> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN')) {
      // A wrong password is not a guard decision: treat sign-in's own refusal as allowed through.
      const cause = error.cause as { code?: string } | undefined;
      if (cause?.code === 'auth.invalid_credentials') return 'allowed';
      return error.code;
    }
    return 'allowed';
  }
}

describe('authorisation matrix', () => {
  let database: Database;
  const clients = {} as Record<TRole, Client>;
  let anonymous: Client;

  beforeAll(async () => {
    database = await createPGliteTestDatabase();
    const seed = await seedRoles(database);
    for (const role of ROLES) clients[role] = await signedInClient(database, seed.users[role].email);
    anonymous = await clientFor(database);
  });
  afterAll(() => database.close());

  it('every procedure declares who may call it', () => {
    expect(procedures.length).toBeGreaterThan(5);
    for (const [path, procedure] of procedures) {
      expect(procedure._def.meta?.access, `${path} has no access declared`).toBeDefined();
    }
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    it(`${path}: ${Array.isArray(access) ? access.join('/') : String(access)}`, async () => {
      const expectedAnonymous = access === 'public' ? 'allowed' : 'UNAUTHORIZED';
      expect(await outcome(callPath(anonymous, path))).toBe(expectedAnonymous);
      for (const role of ROLES) {
        const allowed = access === 'public' || access === 'signed-in' || (Array.isArray(access) && access.includes(role));
        // Each client's context was resolved when it was made, so a sign-out cannot disturb the
        // other rows; sign-out still gets its own session so nothing is shared by accident.
        const client = path.startsWith('auth.signOut')
          ? await signedInClient(database, `${role}@example.jp`)
          : clients[role];
        expect(await outcome(callPath(client, path)), `${path} as ${role}`).toBe(allowed ? 'allowed' : 'FORBIDDEN');
      }
    });
  }
});
