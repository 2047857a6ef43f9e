import { useEffect } from 'react';

/// Sets the browser tab's title to "<page> · Hocvu".
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · Hocvu`;
  }, [page]);
}
