import { env } from "@/env";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The header the server itself writes on every request it receives: the address of the socket
 * (instrumentation.ts installs `stampPeerAddress`, which overwrites whatever a client sent under
 * this name). Route handlers and server actions see only headers, never the socket, and Next fills
 * `X-Forwarded-For` with the socket address only when the client has not sent one.
 */
export const PEER_HEADER = "x-linli-peer";
const STAMPED = Symbol.for("linli.peerAddressStamped");

/** True in a server process whose requests carry the socket address (see `stampPeerAddress`). */
export function peerAddressStamped(): boolean {
  return (globalThis as { [STAMPED]?: boolean })[STAMPED] === true;
}

export function markPeerAddressStamped(): void {
  (globalThis as { [STAMPED]?: boolean })[STAMPED] = true;
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

const clean = (ip: string | undefined) =>
  ip
    ? ip
        .trim()
        .replace(/^::ffff:/, "")
        .slice(0, 64)
    : "";

/**
 * The client's address, trusting exactly `hops` proxies in front of the server
 * (TRUSTED_PROXY_HOPS). With none, it is the socket's address and `X-Forwarded-For` is ignored,
 * since any client can send it. Each trusted proxy appends the address it was reached from, so
 * with N hops the client is the N-th entry from the right; entries further left were written by
 * the client and are never used. When fewer entries arrived than hops, the furthest one is taken.
 * Outside a stamped server (a test) the socket is unknown.
 */
export function clientIp(headers: HeaderBag, opts: { hops?: number; stamped?: boolean } = {}): string {
  const hops = opts.hops ?? env.TRUSTED_PROXY_HOPS;
  const stamped = opts.stamped ?? peerAddressStamped();
  const peer = stamped ? clean(header(headers, PEER_HEADER)) : "";
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map(clean).filter(Boolean).reverse();
  // Nearest first: the socket, then what each trusted proxy saw.
  const chain = [peer, ...forwarded.slice(0, hops)];
  return chain[Math.min(hops, chain.length - 1)] || "unknown";
}
