// The import graph, checked by `npm run lint`: db/ on the ground floor, lib/ on it, components/
// and app/ on top; domains in lib/ that depend on each other one way only; feature folders in
// components/ that share through components/ui/.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "db-is-the-ground-floor",
      comment: "db/ imports nothing from lib/, components/, app/ or the demo: the database handle carries no services.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(lib|components|app|demo)/" },
    },
    {
      name: "no-cycle-between-domains",
      comment:
        "Two domains never import each other, directly or round a ring: pick the direction, and coordinate in the action or in the service that owns the step.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/[^/]+$" },
      to: { path: "^lib/[^/]+$", circular: true },
    },
    {
      name: "features-share-through-ui",
      comment:
        "A feature folder of components/ imports components/ui/, not another feature: a piece two features need gets its home in components/ui/.",
      severity: "error",
      from: { path: "^components/([^/]+)/" },
      to: { path: "^components/", pathNot: "^components/($1|ui)/" },
    },
    {
      name: "lib-stays-below-the-ui",
      comment:
        "lib/ runs the same in a page, a route handler, a script and a test: it imports nothing from app/ or components/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "vocabulary-stands-alone",
      comment: "vocabulary/ is read by the tables, the services and the browser alike: it imports only itself.",
      severity: "error",
      from: { path: "^vocabulary/" },
      to: { pathNot: "^vocabulary/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // The graph of the running code: tests reach across domains to set up their data.
    exclude: { path: "(^(\\.next|node_modules|db/migrations|tests)/|\\.test\\.tsx?$)" },
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports tie modules together too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
