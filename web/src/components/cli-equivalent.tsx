/** @module web/components/cli-equivalent — the CLI command and the API call that give the answer on the page. */
import { useLang } from "../lib/i18n.js";

/** Shows `stackatlas …` and the API request (`GET /api/x?…` or `POST /api/x`, with its JSON body); the language is added to both. */
export function CliEquivalent({ cli, api, body }: { cli: string; api: string; body?: unknown }) {
  const { lang, t } = useLang();
  const zh = lang === "zh";
  return (
    <section className="cli-equivalent" data-testid="cli-equivalent">
      <p>{t("cliEquivalent")}</p>
      <code>{`npx stackatlas ${cli}${zh ? " --lang zh" : ""}`}</code>
      <code>{`${api}${zh ? `${api.includes("?") ? "&" : "?"}lang=zh` : ""}${body === undefined ? "" : ` ${JSON.stringify(body)}`}`}</code>
    </section>
  );
}
