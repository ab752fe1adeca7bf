// A module fetched the first time it is wanted (esbuild puts a dynamically imported page in a
// chunk of its own), so pages few accounts open stay out of the first load. Null until it has
// arrived; the error's message when it could not be fetched.
import {useEffect, useState} from 'preact/hooks';

export function useLazyModule<T>(
    load: () => Promise<T>, wanted: boolean): {module: T|null; error: string} {
  const [module, setModule] = useState<T|null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!wanted || module) return;
    setError('');
    load().then(setModule, (e) => setError(e instanceof Error ? e.message : String(e)));
  }, [wanted]);
  return {module, error};
}
