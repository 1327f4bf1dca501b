/** @module web/lib/use-api — a GET (or POST) to the API as React state: data, error, loading; refetched when its inputs change. */
import { useEffect, useState } from "react";
import { api } from "./api.js";
import { ApiError } from "./api-error.js";
import type { Lang } from "./i18n.js";

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

type Params = Readonly<Record<string, string | number | boolean | readonly string[] | undefined | null>>;

/**
 * Fetches `path` (null: nothing yet) in `lang`; a change of path, params, body or lang refetches and aborts the last.
 * @example const { data, error } = useApi<TechnologyList>("/api/technologies", lang);
 */
export function useApi<T>(path: string | null, lang: Lang, params: Params = {}, body?: unknown): ApiState<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError; loading: boolean }>({
    key: "",
    loading: path !== null,
  });
  const [nonce, setNonce] = useState(0);
  const key = path === null ? "" : JSON.stringify([path, lang, params, body, nonce]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for every input (path, language, params, body)
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ key, loading: true, ...(s.key === key && s.data !== undefined ? { data: s.data } : {}) }));
    api<T>(path, { lang, params, body, signal: ctrl.signal })
      .then((data) => {
        if (!ctrl.signal.aborted) setState({ key, data, loading: false });
      })
      .catch((e: unknown) => {
        if (ctrl.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(0, "CLIENT", e instanceof Error ? e.message : String(e));
        setState({ key, error, loading: false });
      });
    return () => ctrl.abort();
  }, [key]);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: path !== null && (!current || state.loading),
    reload: () => setNonce((n) => n + 1),
  };
}
