import { useQuery } from '@tanstack/react-query';
import { requestChecked } from '../../api/client';

/// The answer of `GET /healthz`.
export interface Health {
  status: string;
  version: string;
  db: string;
}

export function isHealth(body: unknown): body is Health {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const h = body as Record<string, unknown>;
  return typeof h.status === 'string' && typeof h.version === 'string' && typeof h.db === 'string';
}

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return requestChecked('/healthz', isHealth, signal ? { signal } : {});
}

/// The name of the storage engine as people write it.
export function databaseEngineName(db: string): string {
  switch (db) {
    case 'sqlite':
      return 'SQLite';
    case 'postgresql':
      return 'PostgreSQL';
    default:
      return db;
  }
}

export const healthQueryKey = ['system', 'health'] as const;

/// The server's health. Not retried: a status page reports what it sees now.
export function useHealth() {
  return useQuery({
    queryKey: healthQueryKey,
    queryFn: ({ signal }) => fetchHealth(signal),
    retry: false,
  });
}
