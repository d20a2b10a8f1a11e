import http from "node:http";
import { PEER_HEADER, markPeerAddressStamped, peerAddressStamped } from "./request-ip";

/**
 * Writes each request's socket address into `PEER_HEADER` as the request arrives, before Next
 * reads it, replacing any value a client sent under that name. Next hands route handlers, server
 * actions and next-auth's `authorize` only the headers, so this is how they learn the address of
 * the peer (`clientIp`). Installed once per server process, from instrumentation.ts.
 */
export function stampPeerAddress(): void {
  if (peerAddressStamped()) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  markPeerAddressStamped();
}
