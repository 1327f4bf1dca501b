/** @module web/components/error-box — what the API answered when it failed, in words, with its issues and suggestions. */
import { NEEDS_SERVER } from "../lib/api.js";
import type { ApiError } from "../lib/api-error.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { BASE } from "../lib/site.js";

export function ErrorBox({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useLang();
  if (error.code === NEEDS_SERVER) {
    // A static build: say what is missing and where the same page answers.
    const local = `http://127.0.0.1:4173/${window.location.pathname.slice(BASE.length)}${window.location.search}`;
    return (
      <div className="error-box" role="alert" data-error-code={error.code}>
        <strong>{t("needsServer")}</strong>
        <p>
          {t("needsServerHow")} <a href={local}>{local}</a>
        </p>
      </div>
    );
  }
  const missing = error.status === 404 && error.code === "NOT_FOUND" && error.message.startsWith("no such route");
  return (
    <div className="error-box" role="alert" data-error-code={error.code}>
      <strong>
        {error.status === 0 ? t("networkError") : missing ? t("missingRoute", { route: error.path }) : t("errorTitle")}
      </strong>
      {error.status !== 0 && !missing && (
        <p>
          <code>
            {error.status} {error.code}
          </code>{" "}
          {error.message}
        </p>
      )}
      {error.issues.length > 0 && (
        <ul>
          {keyed(error.issues).map(([n, i]) => (
            <li key={n}>
              {i.path && i.path.length > 0 && <code>{i.path.join(".")}</code>} {i.message}
              {i.line !== undefined && ` (${i.line}:${i.column ?? 1})`}
            </li>
          ))}
        </ul>
      )}
      {error.suggestions.length > 0 && (
        <p>
          {t("suggestions")}: {error.suggestions.join(", ")}?
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      )}
    </div>
  );
}
