import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers: db/ is the ground floor, lib/ stands on it, components/ and app/ on top. A rule
// names what a layer may not reach up to (or, for components, what only a server may touch).
const restrict = (...patterns) => ({
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});
const upTo = (name, message) => ({ group: [`@/${name}`, `@/${name}/*`, `../${name}/*`, `../../${name}/*`], message });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["components/**"],
    rules: restrict({
      ...upTo("db", "Components get data from a page or a query; from db/ they may import types only."),
      allowTypeImports: true,
    }),
  },
  {
    files: ["db/**"],
    rules: restrict(
      upTo("lib", "db/ is the ground floor: it imports nothing from lib/."),
      upTo("components", "db/ is the ground floor: it imports nothing from components/."),
      upTo("demo", "db/ is the ground floor: the demo community calls it, not the other way round."),
    ),
  },
  {
    files: ["lib/**"],
    rules: restrict(
      upTo("app", "lib/ runs the same in a page, a route, a script and a test: it imports nothing from app/."),
      upTo(
        "components",
        "lib/ imports nothing from components/: a shared rule lives in lib/, a shared widget in components/ui/.",
      ),
    ),
  },
];

export default config;
