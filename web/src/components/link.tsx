/** @module web/components/link — an in-app link: a real href (open in a new tab works), navigation without a reload. */
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from "react";
import { useLang } from "../lib/i18n.js";
import { navigate, href as withLang } from "../lib/router.js";

export function Link(
  props: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">,
) {
  const { to, children, onClick, ...rest } = props;
  const { lang } = useLang();
  const h = withLang(to, lang);
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(h);
  };
  return (
    <a href={h} onClick={click} {...rest}>
      {children}
    </a>
  );
}
