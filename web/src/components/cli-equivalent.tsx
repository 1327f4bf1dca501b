/** @module web/components/cli-equivalent — the CLI command and the API call that give the answer on the page. */
import { useLang } from "../lib/i18n.js";

/** Shows `stackatlas …` and the API request; the language is added to both. */
export function CliEquivalent({ cli, api }: { cli: string; api: string }) {
  const { lang, t } = useLang();
  const zh = lang === "zh";
  return (
    <section className="cli-equivalent" data-testid="cli-equivalent">
      <p>{t("cliEquivalent")}</p>
      <code>{`npx stackatlas ${cli}${zh ? " --lang zh" : ""}`}</code>
      <code>{`${api}${zh ? `${api.includes("?") ? "&" : "?"}lang=zh` : ""}`}</code>
    </section>
  );
}
