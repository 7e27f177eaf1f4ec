/**
 * Attachment storage that fails: the filesystem store on a 64 KiB tmpfs, filled up (ENOSPC) and
 * then remounted read-only (EROFS). Each refused upload must be a 503 with a Japanese message
 * naming the problem, leave no metadata row and no file; once the store is writable again,
 * uploads work without restarting anything.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countAttachments, listAttachmentStorageKeys, type Database } from '@tsumiki/db';
import { SMALL_PDF_BASE64 } from './documents';
import { onExit, startApi } from './processes';
import { call, errorOf, resultOf } from './trpc-http';

export interface StorageFaultFigures {
  /** appCode and HTTP status of the upload refused by the full store, e.g. "503 attachment.storage_full". */
  fullAnswer: string;
  readOnlyAnswer: string;
  /** Uploads after the store became writable again. */
  recovered: boolean;
  /** Rows naming a file that is not there, and files no row names (temporary files included). */
  orphanRows: number;
  orphanFiles: number;
  ok: boolean;
}

const files = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );

export async function storageFaults(databaseUrl: string, database: Database, cookie: string, programmeId: string, log: (line: string) => void): Promise<StorageFaultFigures | null> {
  const mountpoint = mkdtempSync(join(tmpdir(), 'tsumiki-faults-store-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', mountpoint], { stdio: 'pipe' });
  } catch (error) {
    log(`  cannot mount a tmpfs here (${String(error).split('\n')[0] ?? ''}): storage faults skipped`);
    rmdirSync(mountpoint);
    return null;
  }
  const forget = onExit(() => {
    execFileSync('umount', ['-l', mountpoint], { stdio: 'ignore' });
    rmdirSync(mountpoint);
  });
  const api = await startApi(databaseUrl, { poolMax: 3, env: { TSUMIKI_ATTACHMENT_STORE: 'filesystem', TSUMIKI_ATTACHMENT_DIR: mountpoint } });
  try {
    const draft = resultOf<{ id: string }>((await call(api.url, 'applications.createDraft', 'mutation', { programmeId, title: '保存領域の障害試験' }, cookie)).body)!;
    const upload = async (name: string) => {
      const result = await call(api.url, 'attachments.upload', 'mutation', { applicationId: draft.id, fileName: name, declaredType: 'application/pdf', contentBase64: SMALL_PDF_BASE64 }, cookie);
      const error = errorOf(result.body);
      return { status: result.status, answer: `${result.status} ${error?.data.appCode ?? 'ok'}`, message: error?.message ?? '' };
    };
    const first = await upload('様式1.pdf');
    if (first.status !== 200) throw new Error(`upload to the filesystem store failed before any fault: ${first.answer}`);

    // Full: one filler file takes every page the tmpfs has.
    try {
      writeFileSync(join(mountpoint, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC, as intended: the part written stays and fills the disk
    }
    const rowsBefore = await countAttachments(database.db);
    const full = await upload('満杯.pdf');
    log(`  store full → ${full.answer}: ${full.message}`);
    rmSync(join(mountpoint, 'filler'));

    execFileSync('mount', ['-o', 'remount,ro', mountpoint]);
    const readOnly = await upload('読取専用.pdf');
    log(`  store read-only → ${readOnly.answer}: ${readOnly.message}`);
    const rowsAfterFaults = await countAttachments(database.db);
    execFileSync('mount', ['-o', 'remount,rw', mountpoint]);
    const again = await upload('回復後.pdf');
    log(`  store writable again → ${again.answer}`);

    const keys = new Set(await listAttachmentStorageKeys(database.db));
    const onDisk = new Set(files(mountpoint));
    const orphanRows = [...keys].filter((k) => !onDisk.has(k)).length;
    const orphanFiles = [...onDisk].filter((f) => !keys.has(f)).length;
    const ok =
      full.answer === '503 attachment.storage_full' &&
      readOnly.answer === '503 attachment.storage_unavailable' &&
      /保存できませんでした/.test(full.message + readOnly.message) &&
      rowsAfterFaults === rowsBefore &&
      again.status === 200 &&
      orphanRows === 0 &&
      orphanFiles === 0;
    return { fullAnswer: full.answer, readOnlyAnswer: readOnly.answer, recovered: again.status === 200, orphanRows, orphanFiles, ok };
  } finally {
    await api.stop();
    execFileSync('umount', ['-l', mountpoint], { stdio: 'ignore' });
    rmdirSync(mountpoint);
    forget();
  }
}
