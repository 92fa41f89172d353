/** Input names, exactly as in action.yml. */
export const Inputs = {
  Path: 'path',
  BackupDir: 'backup-dir',
  Note: 'note',
  DryRun: 'dry-run',
  Timeout: 'timeout',
  IfNoFilesFound: 'if-no-files-found',
  FollowSymbolicLinks: 'follow-symbolic-links',
  AllowOutsideWorkspace: 'allow-outside-workspace',
  Keep: 'keep',
  Config: 'config'
} as const;

/** Inputs of the restore action (restore/action.yml) beyond the shared ones above. */
export const RestoreInputs = {
  Before: 'before',
  Manifest: 'manifest'
} as const;

/** Output names, exactly as in action.yml. */
export const Outputs = {
  BackupDir: 'backup-dir',
  Created: 'created',
  Identical: 'identical',
  Failed: 'failed',
  Backups: 'backups',
  BackupsTruncated: 'backups-truncated',
  Manifest: 'manifest'
} as const;

/** Outputs of the restore action (restore/action.yml). */
export const RestoreOutputs = {
  Restored: 'restored',
  Identical: 'identical',
  Failed: 'failed',
  Files: 'files',
  FilesTruncated: 'files-truncated'
} as const;

/** Outputs of the list action (list/action.yml). */
export const ListOutputs = {
  BackupDir: 'backup-dir',
  Count: 'count',
  Text: 'text',
  Backups: 'backups',
  BackupsTruncated: 'backups-truncated'
} as const;

/** Values the main step hands to the post step (see state-helper.ts). */
export const State = {
  StagingDir: 'staging-dir',
  ExtraStagingDirs: 'extra-staging-dirs',
  RunId: 'run-id',
  Token: 'token',
  ManifestTemp: 'manifest-temp',
  RestoreJournal: 'restore-journal'
} as const;

export const DEFAULT_BACKUP_DIR = '.bkpfile';
export const DEFAULT_CONFIG = '.bkpfile.yml';
export const IF_NO_FILES_FOUND = ['warn', 'error', 'ignore'] as const;
export type IfNoFilesFound = (typeof IF_NO_FILES_FOUND)[number];
