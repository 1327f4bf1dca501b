/** @module web/lib/use-api — a call of an API route as React state: data, error, loading; called again when its inputs change. */
import { useEffect, useState } from "react";
import { api, type CallOptions } from "./api.js";
import type { Answer, Route } from "./api-contract.js";
import { ApiError } from "./api-error.js";
import type { Lang } from "./i18n.js";

export interface ApiState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Calls `route` (null: nothing yet) in `lang`; a change of route, path, query, body or lang calls again and aborts the last.
 * @example const { data, error } = useApi("GET /api/technologies", lang);
 */
export function useApi<R extends Route>(
  route: R | null,
  lang: Lang,
  options: Omit<CallOptions<R>, "lang" | "signal"> = {},
): ApiState<Answer<R>> {
  const [state, setState] = useState<{ key: string; data?: Answer<R>; error?: ApiError; loading: boolean }>({
    key: "",
    loading: route !== null,
  });
  const [nonce, setNonce] = useState(0);
  const key = route === null ? "" : JSON.stringify([route, lang, options.path, options.query, options.body, nonce]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for every input (route, language, path, query, body)
  useEffect(() => {
    if (route === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ key, loading: true, ...(s.key === key && s.data !== undefined ? { data: s.data } : {}) }));
    api(route, { ...options, lang, signal: ctrl.signal })
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
    loading: route !== null && (!current || state.loading),
    reload: () => setNonce((n) => n + 1),
  };
}
