import { describe, expect, it } from "vitest";
import { expectError, json, testApp } from "../../../test/_server.js";
import { hostAllowed, hostName, LOOPBACK_HOSTS } from "./host-allowlist.js";

describe("hostName and hostAllowed", () => {
  it("reads a Host header's name, without port or brackets", () => {
    expect(hostName("LocalHost:4173")).toBe("localhost");
    expect(hostName("[::1]:4173")).toBe("::1");
    expect(hostName("127.0.0.1")).toBe("127.0.0.1");
    expect(hostName("atlas.example.com.")).toBe("atlas.example.com");
    expect(hostName("evil.example/x")).toBeUndefined();
    expect(hostName("[::1")).toBeUndefined();
  });

  it("allows exact names, .suffix rules and *", () => {
    expect(hostAllowed("atlas.example.com", [".example.com"])).toBe(true);
    expect(hostAllowed("example.com", [".example.com"])).toBe(true);
    expect(hostAllowed("badexample.com", [".example.com"])).toBe(false);
    expect(hostAllowed("anything", ["*"])).toBe(true);
    expect(hostAllowed("::1", ["[::1]"])).toBe(true);
    expect(hostAllowed("attacker.example", LOOPBACK_HOSTS)).toBe(false);
  });
});

describe("the Host allowlist (DNS rebinding)", () => {
  const app = testApp({ allowedHosts: [...LOOPBACK_HOSTS, "atlas.internal"] });
  const get = (path: string, host: string) => app.request(path, { headers: { host } });

  it("answers loopback names and the allowed ones", async () => {
    for (const host of ["localhost:4173", "127.0.0.1:4173", "[::1]:4173", "atlas.internal"]) {
      expect((await get("/api/dimensions", host)).status).toBe(200);
    }
  });

  it("refuses any other Host with 403 HOST_NOT_ALLOWED, in English or Chinese", async () => {
    const en = expectError(await json(get("/api/dimensions", "attacker.example")), 403, "HOST_NOT_ALLOWED");
    expect(en.error.message).toContain("attacker.example");
    const zh = expectError(await json(get("/api/dimensions?lang=zh", "attacker.example")), 403, "HOST_NOT_ALLOWED");
    expect(zh.error.message).toContain("主机名");
    expect((await get("/", "attacker.example")).status).toBe(403);
  });

  it("answers health probes whatever the Host (a kubelet sends the pod's IP)", async () => {
    expect((await get("/healthz", "10.1.2.3:4173")).status).toBe(200);
    expect((await get("/readyz", "10.1.2.3:4173")).status).toBe(200);
  });
});

describe("--cors-origin '*'", () => {
  it("allows any origin when '*' is given, and only the listed ones otherwise", async () => {
    const any = testApp({ corsOrigins: ["*"] });
    const r = await any.request("/api/dimensions", { headers: { origin: "https://elsewhere.example" } });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    const one = testApp({ corsOrigins: ["https://ui.example"] });
    const other = await one.request("/api/dimensions", { headers: { origin: "https://elsewhere.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const listed = await one.request("/api/dimensions", { headers: { origin: "https://ui.example" } });
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://ui.example");
  });
});
