/**
 * @module i18n/addon-phrases — the sentences about a stack's add-ons (parts it has for what they do:
 * model serving, gang scheduling, mTLS, workload identity) in English and Chinese. Ids, names and
 * capability names pass through as given.
 */
import { joinList, phrase } from "./messages.js";

export const ADDON = {
  /** A capability check met: which part provides it. */
  provides: phrase(
    (a: { part: string; capability: string; via?: string | undefined }) =>
      `${a.part} provides ${a.capability}${a.via ? ` (${a.via})` : ""}`,
    (a) => `${a.part} 提供${a.capability}${a.via ? `（${a.via}）` : ""}`,
  ),
  /** A capability check missed: no part of the stack provides it. */
  lacks: phrase(
    (a: { capability: string }) => `no part of the stack provides ${a.capability}`,
    (a) => `栈中没有提供${a.capability}的部件`,
  ),
  /** No technology provides the capability by the query's year, or every one is ruled out. */
  unprovided: phrase(
    (a: { capability: string; ruledOut: readonly string[] }) =>
      a.ruledOut.length === 0
        ? `no technology in the knowledge base provides ${a.capability}`
        : `every technology that provides ${a.capability} is ruled out (excluded, released later, archived, or needing a part the query rules out): ${joinList(a.ruledOut, "en")}`,
    (a) =>
      a.ruledOut.length === 0
        ? `知识库中没有提供${a.capability}的技术`
        : `提供${a.capability}的技术都被排除（被排除、发布较晚、已归档，或依赖查询排除的部件）：${joinList(a.ruledOut, "zh")}`,
  ),
  /** An unknown capability in requirements. */
  unknownCapability: phrase(
    (a: { name: string; known: readonly string[] }) =>
      `unknown capability "${a.name}" (capabilities: ${joinList(a.known, "en")})`,
    (a) => `未知能力“${a.name}”（可用能力：${joinList(a.known, "zh")}）`,
  ),
};
