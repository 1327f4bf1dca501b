/** @module web/components/loading — a polite "loading" that screen readers announce once. */
import { useLang } from "../lib/i18n.js";

export function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("loading")}
    </p>
  );
}
