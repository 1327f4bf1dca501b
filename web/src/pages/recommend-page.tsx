/** @module web/pages/recommend-page — every requirement of the vocabulary in a form → ranked, explained stacks, trade-offs, "why not", the scores by term and the Pareto view. */
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { Loading } from "../components/loading.js";
import { api } from "../lib/api.js";
import { ApiError } from "../lib/api-error.js";
import { readDimensions } from "../lib/dimensions.js";
import { useLang } from "../lib/i18n.js";
import { setQuery, useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";
import { FORM_KEYS, requirementsFrom } from "./recommend/form-model.js";
import { type RecommendResult, Results } from "./recommend/recommend-results.js";
import { RequirementsForm } from "./recommend/requirements-form.js";

export default function RecommendPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const scenarios = useApi("GET /api/scenarios", lang);
  const dimsAnswer = useApi("GET /api/dimensions", lang);
  const dims = useMemo(() => (dimsAnswer.data ? readDimensions(dimsAnswer.data) : []), [dimsAnswer.data]);
  const [result, setResult] = useState<{ key: string; data?: RecommendResult; error?: ApiError; loading?: boolean }>();
  const requirements = requirementsFrom(query);
  const top = Number(query.get("top") ?? "5") || 5;
  const go = query.get("go") === "1";
  const reqKey = JSON.stringify([requirements, top, lang]);

  const run = (req: Record<string, unknown>, k: string) => {
    setResult({ key: k, loading: true });
    api("POST /api/recommend", { lang, query: { top, pareto: "true" }, body: req })
      .then((data) => setResult({ key: k, data }))
      .catch((e: unknown) =>
        setResult({ key: k, error: e instanceof ApiError ? e : new ApiError(0, "CLIENT", String(e)) }),
      );
  };

  // A shared link (go=1) recommends on arrival; so does a change of language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for the submitted requirements only, on arrival and on a change of language
  useEffect(() => {
    if (go && result?.key !== reqKey) run(requirements, reqKey);
  }, [go, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ go: "1" }, true);
    run(requirements, reqKey);
  };
  // An error shows beside the submit button and comes into view; an answer's start comes into view on a phone.
  const errorRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (result?.error) {
      errorRef.current?.scrollIntoView({ block: "center" });
      errorRef.current?.focus({ preventScroll: true });
    } else if (result?.data && window.innerWidth <= 900) resultsRef.current?.scrollIntoView({ block: "start" });
  }, [result?.error, result?.data]);
  const example = () =>
    setQuery(
      {
        ...Object.fromEntries(FORM_KEYS.map((k) => [k, null])),
        scenario: "edge",
        "isolation.atLeast": "L-4",
        "policy.atLeast": "Z3",
        "memoryMiB.max": "64",
        go: "1",
      },
      true,
    );

  return (
    <div className="page recommend" data-testid="recommend-page">
      <h1>{t("recommendTitle")}</h1>
      <div className="recommend-layout">
        <RequirementsForm
          onSubmit={submit}
          onExample={example}
          scenarios={scenarios}
          dims={dims}
          used={result?.data?.weights.values}
          error={result?.error}
          errorRef={errorRef}
        />
        <section
          className="results"
          ref={resultsRef}
          aria-live="polite"
          aria-busy={result?.loading ? "true" : "false"}
          aria-label={t("step3")}
        >
          {result?.loading && <Loading />}
          {!result && (
            <div className="empty-hint" data-testid="recommend-hint">
              <p>{t("recommendHint")}</p>
              <button type="button" className="primary" onClick={example} data-testid="recommend-example">
                {t("recommendExample")}
              </button>
            </div>
          )}
          {result?.data && <Results r={result.data} />}
        </section>
      </div>
    </div>
  );
}
