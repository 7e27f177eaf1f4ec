import { databaseStore, filesystemStore, s3Store, type AttachmentStore } from '@tsumiki/api';
import { createDatabase, migrateToLatest, type Database } from '@tsumiki/db';
import { databaseConfigFrom, type Env } from './env';
import { fileMailCatcher, type MailTransport } from './outbox-worker';
import { isEmpty, seedDemo, type DemoLogin } from './seed/demo';
import { smtpTransport } from './smtp-transport';

/** Opens the configured database and brings it to the latest schema (forward-only). */
export async function openDatabase(env: Env): Promise<{ database: Database; applied: string[] }> {
  const database = await createDatabase(databaseConfigFrom(env));
  try {
    const applied = await migrateToLatest(database.db);
    return { database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Seeds the demo when the database has no users yet; returns the logins it created, if any. */
export async function seedIfEmpty(database: Database): Promise<DemoLogin[] | null> {
  if (!(await isEmpty(database.db))) return null;
  return (await seedDemo(database.db)).logins;
}

/** The attachment store the environment chose (env.ts has checked its settings are there). */
export function attachmentStoreFrom(env: Env): AttachmentStore {
  if (env.TSUMIKI_ATTACHMENT_STORE === 'filesystem') return filesystemStore(env.TSUMIKI_ATTACHMENT_DIR!);
  if (env.TSUMIKI_ATTACHMENT_STORE === 's3') {
    return s3Store({
      endpoint: env.TSUMIKI_S3_ENDPOINT!,
      bucket: env.TSUMIKI_S3_BUCKET!,
      region: env.TSUMIKI_S3_REGION,
      accessKeyId: env.TSUMIKI_S3_ACCESS_KEY_ID!,
      secretAccessKey: env.TSUMIKI_S3_SECRET_ACCESS_KEY!,
    });
  }
  return databaseStore;
}

/** The outbox's mail transport the settings name: the .eml catcher (default) or an SMTP server. */
export function mailTransportFrom(env: Env): MailTransport {
  if (env.TSUMIKI_MAIL_TRANSPORT === 'file') return fileMailCatcher(env.TSUMIKI_MAIL_DIR);
  return smtpTransport({
    host: env.TSUMIKI_SMTP_HOST!,
    port: env.TSUMIKI_SMTP_PORT,
    tls: env.TSUMIKI_SMTP_TLS,
    user: env.TSUMIKI_SMTP_USER,
    password: env.TSUMIKI_SMTP_PASSWORD,
    from: env.TSUMIKI_MAIL_FROM,
  });
}
