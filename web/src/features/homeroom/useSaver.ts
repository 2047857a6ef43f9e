import { useState } from 'react';

/// The state of a save: whether it runs, the error to show (in the server's Vietnamese words), and when it last
/// succeeded. `run` wraps the request and resolves true when the save succeeded.
export function useSaver() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await work();
      setSavedAt(new Date().toLocaleTimeString('vi-VN'));
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, savedAt, run, clearError: () => setError(null) };
}
