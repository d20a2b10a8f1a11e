import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { PEER_HEADER, clientIp } from "./request-ip";
import { stampPeerAddress } from "./peer-address";

const spoofed = { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" };

describe("the client's address", () => {
  it("with no trusted proxy is the socket's, whatever X-Forwarded-For says", () => {
    const headers = { ...spoofed, [PEER_HEADER]: "::ffff:203.0.113.9" };
    expect(clientIp(headers, { hops: 0, stamped: true })).toBe("203.0.113.9");
    expect(clientIp(new Headers(headers), { hops: 0, stamped: true })).toBe("203.0.113.9");
  });

  it("behind N trusted proxies is the N-th X-Forwarded-For entry from the right, never the first", () => {
    // The client wrote "6.6.6.6"; nginx appended the client's real address; a balancer appended nginx's.
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2", [PEER_HEADER]: "10.0.0.3" };
    expect(clientIp(headers, { hops: 1, stamped: true })).toBe("10.0.0.2");
    expect(clientIp(headers, { hops: 2, stamped: true })).toBe("198.51.100.7");
    // Fewer entries than hops: the furthest one that arrived.
    expect(clientIp({ "x-forwarded-for": "198.51.100.7", [PEER_HEADER]: "10.0.0.3" }, { hops: 3, stamped: true })).toBe(
      "198.51.100.7",
    );
    // A proxy that sent no X-Forwarded-For: the socket is the best there is.
    expect(clientIp({ [PEER_HEADER]: "10.0.0.3" }, { hops: 1, stamped: true })).toBe("10.0.0.3");
  });

  it("is unknown when the socket is not known (outside a server), rather than what the client says", () => {
    expect(clientIp({ ...spoofed, [PEER_HEADER]: "5.5.5.5" }, { hops: 0, stamped: false })).toBe("unknown");
    expect(clientIp(undefined, { hops: 0, stamped: false })).toBe("unknown");
  });
});

describe("the server's stamp of the socket address", () => {
  let server: http.Server | undefined;
  afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it("replaces a peer header the client sent, so a handler that sees only headers gets the socket", async () => {
    stampPeerAddress();
    server = http.createServer((req, res) => res.end(clientIp(req.headers as Record<string, string>, { hops: 0 })));
    await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { ...spoofed, [PEER_HEADER]: "6.6.6.6" } });
    expect(await answer.text()).toBe("127.0.0.1");
  });
});
