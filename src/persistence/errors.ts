// Storage failures, in the forms browsers and Dexie actually raise them, turned into a reason a
// person can act on. The work stays in memory whatever happens here.
export type StorageProblem = 'quota' | 'closed' | 'missing' | 'newer-version' | 'unknown';

interface ErrorLike {
  name?: string;
  code?: number;
  message?: string;
  inner?: unknown;
}

function isQuota(e: ErrorLike | undefined, depth = 0): boolean {
  if (!e || depth > 4) return false;
  // Its own name; legacy code 22; Firefox's NS_ERROR_DOM_QUOTA_REACHED (1014); or wrapped.
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014) return true;
  return isQuota(e.inner as ErrorLike | undefined, depth + 1) || isQuota((e as { cause?: ErrorLike }).cause, depth + 1);
}

export function classifyStorageError(error: unknown): StorageProblem {
  const e = (error ?? {}) as ErrorLike;
  if (isQuota(e)) return 'quota';
  if (e.name === 'MissingAPIError' || e.name === 'InvalidStateError' || e.name === 'SecurityError') return 'missing';
  if (e.name === 'VersionChangeError' || e.name === 'VersionError' || e.name === 'UpgradeError') return 'newer-version';
  if (e.name === 'DatabaseClosedError' || e.name === 'InvalidAccessError' || e.name === 'TransactionInactiveError') return 'closed';
  if (e.name === 'AbortError' && e.inner) return classifyStorageError(e.inner);
  return 'unknown';
}

export const PROBLEM_TEXT: Record<StorageProblem, string> = {
  quota: 'the browser storage is full. Free some space (delete old diagrams or runs) or export this diagram as a file.',
  closed: 'the browser closed the storage connection. Your work is in this tab; export it as a file to be safe.',
  missing: 'this browser gives the page no storage (a private window?). Your work lives only in this tab; export it as a file.',
  'newer-version': 'a newer version of Faultline is open in another tab. Reload this tab to keep working.',
  unknown: 'the browser refused to store it. Your work is in this tab; export it as a file to be safe.',
};
