/** Liveness without touching the database (load balancers; the benchmark's ceiling). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
