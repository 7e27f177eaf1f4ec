export { databaseStore, newStorageKey, StorageFullError, StorageUnavailableError, STORAGE_KEY, type AttachmentStore, type StoredBytes } from './attachment-store';
export { filesystemStore } from './filesystem-store';
export { s3Store, type S3Config } from './s3-store';
