/**
 * @module i18n/server-phrases — the HTTP API's own sentences (a request that fails its schema) in
 * English and Chinese. Paths, codes and the issues' own messages pass through as given.
 */
import { phrase } from "./messages.js";

export const SERVER = {
  /** No route at this path. */
  noRoute: phrase(
    () => "no such route; the API's routes are listed at /api/openapi.json",
    () => "没有这个路由；API 的全部路由见 /api/openapi.json",
  ),
  /** A route that exists, asked with a method it does not take. */
  methodNotAllowed: phrase(
    (a: { method: string; allowed: readonly string[] }) =>
      `${a.method} is not allowed here; use ${a.allowed.join(", ")}`,
    (a) => `此处不接受 ${a.method}；请用 ${a.allowed.join("、")}`,
  ),
  /** A body that is not JSON (the framework's own message, worded in Chinese). */
  malformedJson: phrase(
    () => "Malformed JSON in request body",
    () => "请求体不是有效的 JSON",
  ),
  /** The compute pool's queue is full. */
  overloaded: phrase(
    (a: { retryAfter: number }) =>
      `the server is busy: every worker is computing and the queue is full; try again in ${a.retryAfter} s`,
    (a) => `服务繁忙：所有工作线程都在计算且队列已满；请 ${a.retryAfter} 秒后重试`,
  ),
  badWorkers: phrase(
    (a: { value: string }) => `serve: STACKATLAS_WORKERS must be a whole number (0 for none), not "${a.value}"`,
    (a) => `serve：STACKATLAS_WORKERS 必须是整数（0 表示不用工作线程），而不是 "${a.value}"`,
  ),
  /** An operation ran past its deadline; its worker was stopped. */
  deadline: phrase(
    (a: { ms: number }) => `the request took longer than ${a.ms} ms and was stopped`,
    (a) => `请求耗时超过 ${a.ms} 毫秒，已被终止`,
  ),
  invalidRequest: phrase(
    () => "invalid request",
    () => "请求无效",
  ),
  /** The first issue, and how many more there are. */
  invalidAt: phrase(
    (a: { path: string; message: string; more: number }) =>
      `invalid request: ${a.path}: ${a.message}${a.more > 0 ? ` (and ${a.more} more)` : ""}`,
    (a) => `请求无效：${a.path}：${a.message}${a.more > 0 ? `（另有 ${a.more} 处）` : ""}`,
  ),
  /** The schema library's "expected X, received Y", with the received type it reported. */
  invalidType: phrase(
    (a: { expected: string; received: string }) => `Invalid input: expected ${a.expected}, received ${a.received}`,
    (a) => `无效输入：期望 ${a.expected}，实际接收 ${a.received}`,
  ),
  /** `serve`'s own lines. */
  everyInterface: phrase(
    (a: { host: string }) =>
      `stackatlas: warning: --host ${a.host} listens on every network interface: anyone who can reach this machine can query the server`,
    (a) => `stackatlas：警告：--host ${a.host} 会在所有网络接口上监听：任何能访问这台机器的人都能查询该服务`,
  ),
  hostNotAllowed: phrase(
    (a: { host: string }) =>
      `this server does not answer to the host name "${a.host}"; its operator can allow it with serve --allowed-host`,
    (a) => `本服务不响应主机名「${a.host}」；运维人员可用 serve --allowed-host 允许它`,
  ),
  corsAnyOrigin: phrase(
    () =>
      "stackatlas: warning: --cors-origin '*' lets every web page read this API from its visitors' browsers (no credentials are sent)",
    () => "stackatlas：警告：--cors-origin '*' 允许任何网页经由访问者的浏览器读取本 API（不发送凭据）",
  ),
  anyHost: phrase(
    () =>
      "stackatlas: warning: --allowed-host '*' answers any Host header: a web page can reach this server by DNS rebinding if the browser can",
    () => "stackatlas：警告：--allowed-host '*' 会响应任意 Host 头：若浏览器能访问本服务，网页可借助 DNS 重绑定访问它",
  ),
  portInUse: phrase(
    (a: { port: number; host: string }) =>
      `serve: port ${a.port} on ${a.host} is in use; pass --port with another (0 picks a free one)`,
    (a) => `serve：${a.host} 上的端口 ${a.port} 已被占用；请用 --port 换一个（0 表示自动选一个空闲端口）`,
  ),
  cannotListen: phrase(
    (a: { host: string; port: number; why: string }) => `serve: cannot listen on ${a.host}:${a.port} (${a.why})`,
    (a) => `serve：无法在 ${a.host}:${a.port} 上监听（${a.why}）`,
  ),
  serving: phrase(
    (a: { url: string; watching: boolean }) =>
      `stackatlas: serving ${a.url}/ — JSON API under ${a.url}/api/, OpenAPI at ${a.url}/api/openapi.json` +
      `${a.watching ? " (watching the knowledge base)" : ""}; Ctrl-C stops`,
    (a) =>
      `stackatlas：正在提供 ${a.url}/ —— JSON API 在 ${a.url}/api/，OpenAPI 在 ${a.url}/api/openapi.json` +
      `${a.watching ? "（监视知识库变化）" : ""}；按 Ctrl-C 停止`,
  ),
};
