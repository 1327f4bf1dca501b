/** @module web/components/error-box — what the API answered when it failed, in words, with its issues and suggestions. */
import { forwardRef } from "react";
import { NEEDS_SERVER } from "../lib/api.js";
import type { ApiError } from "../lib/api-error.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { BASE } from "../lib/site.js";
import { Link } from "./link.js";

/**
 * The error, each issue once; suggestions are links when `suggestionTo` makes a path of one. "Try again" is
 * offered only where trying again can help (the network or the server failed, not the question).
 * @example <ErrorBox error={e} suggestionTo={(id) => `/technology/${id}`} />
 */
export const ErrorBox = forwardRef<
  HTMLDivElement,
  { error: ApiError; onRetry?: () => void; suggestionTo?: (suggestion: string) => string }
>(function ErrorBox({ error, onRetry, suggestionTo }, ref) {
  const { t } = useLang();
  if (error.code === NEEDS_SERVER) {
    // A static build: say what is missing and where the same page answers.
    const local = `http://127.0.0.1:4173/${window.location.pathname.slice(BASE.length)}${window.location.search}`;
    return (
      <div className="error-box" role="alert" data-error-code={error.code} ref={ref} tabIndex={-1}>
        <strong>{t("needsServer")}</strong>
        <p>
          {t("needsServerHow")} <a href={local}>{local}</a>
        </p>
      </div>
    );
  }
  const missing = error.status === 404 && error.code === "NOT_FOUND" && error.message.startsWith("no such route");
  // An issue repeating the headline message is not shown twice.
  const issues = error.issues.filter(
    (i, n, all) => all.findIndex((j) => j.message === i.message && String(j.path) === String(i.path)) === n,
  );
  // A message that only lists the issues (each shown below) is not shown as well.
  const sameAsIssue = issues.length > 0 && issues.every((i) => error.message.includes(i.message));
  const retryHelps = error.status === 0 || error.status >= 500;
  return (
    <div className="error-box" role="alert" data-error-code={error.code} ref={ref} tabIndex={-1}>
      <strong>
        {error.status === 0 ? t("networkError") : missing ? t("missingRoute", { route: error.path }) : t("errorTitle")}
      </strong>
      {error.status !== 0 && !missing && (
        <p>
          <code>
            {error.status} {error.code}
          </code>{" "}
          {sameAsIssue ? null : error.message}
        </p>
      )}
      {issues.length > 0 && (
        <ul data-testid="error-issues">
          {keyed(issues).map(([n, i]) => (
            <li key={n}>
              {i.path.length > 0 && <code>{i.path.join(".")}</code>} {i.message}
            </li>
          ))}
        </ul>
      )}
      {error.suggestions.length > 0 && (
        <p>
          {t("suggestions")}:{" "}
          {keyed(error.suggestions).map(([n, s]) => (
            <span key={n}>
              {n !== "0" && ", "}
              {suggestionTo ? <Link to={suggestionTo(s)}>{s}</Link> : s}
            </span>
          ))}
          ?
        </p>
      )}
      {onRetry && retryHelps && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
});
