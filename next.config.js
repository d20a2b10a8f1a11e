import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages live under an internal /[locale] segment. The reader's language comes from the
// NEXT_LOCALE cookie, else the browser's first language, else Chinese; these rewrites pick the
// segment without a proxy, so shared links carry no language and each language's copy of a
// published page can be cached whole. (Paths already under a locale, assets and the API are left alone.)
const page = "/:path((?!(?:zh-CN|en)(?:/|$)|api/|_next/).*)";

// The same headers go with every response, cached pages included, so the policy has no per-request
// nonce: scripts are this site's own plus the inline ones Next writes into each page (its data for
// hydration) and the one-line senior-mode script in the root layout's head, hence 'unsafe-inline'
// without 'unsafe-eval' (only the dev server's refresh needs eval and its websocket). A hash for the
// senior-mode script would gain nothing: beside a hash browsers ignore 'unsafe-inline', and Next's
// own inline scripts, different on every page, would be refused. Nothing may frame a page, post a
// form elsewhere or load a plugin.
const dev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  // Photos are previewed from blob: URLs before upload; QR codes and small icons come as data:.
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // The photo picker reads the chosen file back through its blob: URL to shrink it before upload.
  `connect-src 'self' blob:${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// Powerful features nobody here needs are refused to every page and every frame.
const DENIED_FEATURES = [
  "camera",
  "microphone",
  "geolocation",
  "payment",
  "usb",
  "serial",
  "hid",
  "bluetooth",
  "midi",
  "display-capture",
  "accelerometer",
  "gyroscope",
  "magnetometer",
  "browsing-topics",
];
/** @param {Record<string, string>} allowed features a page may use, e.g. { camera: "(self)" } */
const permissionsPolicy = (allowed) => DENIED_FEATURES.map((f) => `${f}=${allowed[f] ?? "()"}`).join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files at run time: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss"],
  poweredByHeader: false,
  // Titles and metadata in the first HTML for every reader, not streamed in later: screen
  // readers announce the page title on arrival.
  htmlLimitedBots: /.*/,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    // `forbidden()`: a page a reader may not see answers 403 with its own page.
    authInterrupts: true,
  },
  async rewrites() {
    return {
      afterFiles: [
        { source: page, has: [{ type: "cookie", key: "NEXT_LOCALE", value: "en" }], destination: "/en/:path" },
        { source: page, has: [{ type: "cookie", key: "NEXT_LOCALE", value: "zh-CN" }], destination: "/zh-CN/:path" },
        {
          source: page,
          missing: [{ type: "cookie", key: "NEXT_LOCALE" }],
          has: [{ type: "header", key: "accept-language", value: "en.*" }],
          destination: "/en/:path",
        },
        { source: page, destination: "/zh-CN/:path" },
      ],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "Permissions-Policy", value: permissionsPolicy({}) },
        ],
      },
      {
        // Over HTTPS only: the TLS-terminating proxy in front says so with X-Forwarded-Proto
        // (Next sets it itself when it serves TLS). A client that sends the header over plain
        // HTTP gains nothing: browsers ignore Strict-Transport-Security not received over HTTPS.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
      {
        // The same address answers in the reader's language: shared caches must keep them apart.
        source: page,
        headers: [{ key: "Vary", value: "Cookie, Accept-Language" }],
      },
      // A page that scans codes with the camera opts in here, after the rule for every path (of
      // two rules setting one header, Next sends the later), e.g.
      // { source: "/:locale/desk/scan", headers: [{ key: "Permissions-Policy", value: permissionsPolicy({ camera: "(self)" }) }] }
    ];
  },
};

export default withNextIntl(nextConfig);
