/** @module web/app — the shell: navigation, the language toggle, and the page the path names (each page its own chunk). */
import { lazy, Suspense, useEffect, useState } from "react";
import { Link } from "./components/link.js";
import { Loading } from "./components/loading.js";
import { prefetch } from "./lib/api.js";
import { type MessageKey, useLang } from "./lib/i18n.js";
import { setQuery, useLocation } from "./lib/router.js";
import { IS_STATIC, staticManifest } from "./lib/site.js";
// The landing page is in the entry (small; its renderer is not): no chunk round trip, no Suspense delay.
import AtlasPage from "./pages/atlas-page.js";

// The atlas is the landing page: its code and its data start loading at once, side by side.
const startPath = window.location.pathname;
if (!IS_STATIC && (startPath === "/" || startPath === "/atlas")) {
  const lang = new URLSearchParams(window.location.search).get("lang") === "zh" ? "zh" : "en";
  prefetch("/api/graph", lang);
  prefetch("/api/dimensions", lang);
}

const LookupPage = lazy(() => import("./pages/lookup-page.js"));
const TechnologyPage = lazy(() => import("./pages/technology-page.js"));
const RecommendPage = lazy(() => import("./pages/recommend-page.js"));
const DesignPage = lazy(() => import("./pages/design-page.js"));
const EvolutionPage = lazy(() => import("./pages/evolution-page.js"));
const MatricesPage = lazy(() => import("./pages/matrices-page.js"));
const LocatePage = lazy(() => import("./pages/locate-page.js"));
const ComparePage = lazy(() => import("./pages/compare-page.js"));
const ScenarioPage = lazy(() => import("./pages/scenario-page.js"));
const MigratePage = lazy(() => import("./pages/migrate-page.js"));
const ObservePage = lazy(() => import("./pages/observe-page.js"));
const ExportPage = lazy(() => import("./pages/export-page.js"));

const NAV: readonly { path: string; key: MessageKey }[] = [
  { path: "/atlas", key: "navAtlas" },
  { path: "/lookup", key: "navLookup" },
  { path: "/recommend", key: "navRecommend" },
  { path: "/design", key: "navDesign" },
  { path: "/evolution", key: "navEvolution" },
  { path: "/matrices", key: "navMatrices" },
  { path: "/locate", key: "navLocate" },
  { path: "/compare", key: "navCompare" },
  { path: "/scenario", key: "navScenario" },
  { path: "/migrate", key: "navMigrate" },
  { path: "/observe", key: "navObserve" },
  { path: "/export", key: "navExport" },
];

/** Each page's own title (the technology page adds the technology's id). */
const TITLES: Readonly<Record<string, MessageKey>> = {
  atlas: "titleAtlas",
  technology: "titleTechnology",
  recommend: "recommendTitle",
  design: "designTitle",
  evolution: "evolutionTitle",
  matrices: "matricesTitle",
  lookup: "lookupTitle",
  locate: "locateTitle",
  compare: "compareTitle",
  scenario: "scenarioTitle",
  migrate: "migrateTitle",
  observe: "observeTitle",
  export: "exportTitle",
  none: "notFoundTitle",
};

function route(path: string) {
  if (path === "/" || path === "/atlas") return { name: "atlas", page: <AtlasPage /> };
  const tech = /^\/technology\/([^/]+)\/?$/.exec(path);
  if (tech) return { name: "technology", page: <TechnologyPage id={decodeURIComponent(tech[1] ?? "")} /> };
  if (path === "/lookup") return { name: "lookup", page: <LookupPage /> };
  if (path === "/recommend") return { name: "recommend", page: <RecommendPage /> };
  if (path === "/design") return { name: "design", page: <DesignPage /> };
  if (path === "/evolution") return { name: "evolution", page: <EvolutionPage /> };
  if (path === "/matrices") return { name: "matrices", page: <MatricesPage /> };
  if (path === "/locate") return { name: "locate", page: <LocatePage /> };
  if (path === "/compare") return { name: "compare", page: <ComparePage /> };
  if (path === "/scenario") return { name: "scenario", page: <ScenarioPage /> };
  if (path === "/migrate") return { name: "migrate", page: <MigratePage /> };
  if (path === "/observe") return { name: "observe", page: <ObservePage /> };
  if (path === "/export") return { name: "export", page: <ExportPage /> };
  return { name: "none", page: undefined };
}

export function App() {
  const { path } = useLocation();
  const { lang, t } = useLang();
  const r = route(path);
  const [builtAt, setBuiltAt] = useState<string>();
  useEffect(() => {
    if (IS_STATIC) void staticManifest().then((m) => setBuiltAt(m.builtAt.slice(0, 10)));
  }, []);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  // Every page its own title; the menu (on a phone) closes when the page changes.
  const tech = r.name === "technology" ? decodeURIComponent(path.split("/")[2] ?? "") : "";
  const title = `${tech ? `${tech} — ` : ""}${t(TITLES[r.name] ?? "notFoundTitle")} · ${t("appName")}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path closes the menu
  useEffect(() => setMenuOpen(false), [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      <header className="top">
        <Link to="/atlas" className="brand">
          <span className="brand-name">{t("appName")}</span>
          <span className="brand-tag">{t("tagline")}</span>
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          ☰ {t("menu")}
        </button>
        <nav aria-label="main" id="main-nav" className={menuOpen ? "open" : undefined}>
          <ul>
            {NAV.map((n) => {
              const current = n.path === "/atlas" ? r.name === "atlas" : path === n.path;
              return (
                <li key={n.path}>
                  <Link to={n.path} aria-current={current ? "page" : undefined}>
                    {t(n.key)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <button
          type="button"
          className="lang-toggle"
          data-testid="lang-toggle"
          aria-label={t("langToggleLabel")}
          lang={lang === "en" ? "zh" : "en"}
          onClick={() => setQuery({ lang: lang === "en" ? "zh" : null }, true)}
        >
          {t("langToggle")}
        </button>
      </header>
      {IS_STATIC && (
        <p className="static-notice" role="note" data-testid="static-notice">
          {t("staticNotice", { date: builtAt ?? "…" })}
        </p>
      )}
      <main id="main" tabIndex={-1} data-page={r.name}>
        <Suspense fallback={<Loading />}>{r.page ?? <NotFound path={path} />}</Suspense>
      </main>
    </>
  );
}

/** The page for a path the UI does not know: what happened, and every page there is. */
function NotFound({ path }: { path: string }) {
  const { t } = useLang();
  return (
    <div className="page not-found" data-testid="not-found">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundHelp", { path })}</p>
      <ul className="page-list">
        {NAV.map((n) => (
          <li key={n.path}>
            <Link to={n.path}>{t(n.key)}</Link>
          </li>
        ))}
      </ul>
      <Link to="/atlas" className="button">
        {t("goHome")}
      </Link>
    </div>
  );
}
