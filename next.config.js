import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Pages live under an internal /[locale] segment. The reader's language comes from the
// NEXT_LOCALE cookie, else the browser's first language, else Chinese; these rewrites pick the
// segment without a proxy, so shared links carry no language and each language's copy of a
// published page can be cached whole. (Paths already under a locale, assets and the API are left alone.)
const page = "/:path((?!(?:zh-CN|en)(?:/|$)|api/|_next/).*)";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files at run time: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
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
        ],
      },
      {
        // The same address answers in the reader's language: shared caches must keep them apart.
        source: page,
        headers: [{ key: "Vary", value: "Cookie, Accept-Language" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
