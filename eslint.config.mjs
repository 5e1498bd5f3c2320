import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers of docs/architecture.md, enforced: each folder names what it must not import. Both the `@/`
 * alias and a relative path reaching the same folder are refused. Tests may import anything, so test
 * files are left out.
 */
const layer = (folder) => {
  // From a sibling folder of lib/ (lib/domain/x.ts importing ../data/models).
  const sibling = folder.startsWith("lib/") ? [`../${folder.slice(4)}`, `../${folder.slice(4)}/*`] : [];
  return [`@/${folder}`, `@/${folder}/*`, `**/${folder}`, `**/${folder}/*`, ...sibling];
};
const forbid = (folders, why) => ({ group: folders.flatMap(layer), message: why });
const NOTHING_IMPORTS_APP = forbid(["app"], "Nothing imports app/: move what is shared into lib/ or components/.");
const NO_DATABASE = forbid(["lib/db", "lib/generated"], "Only lib/data (and lib/ingest, scripts) reach the database: query through a lib/data function.");

/** Layer -> the groups of imports it refuses (docs/architecture.md, "Layers and who may import whom"). */
export const LAYER_RULES = {
  "lib/domain": [
    forbid(["lib/data", "lib/ingest", "lib/api", "lib/auth", "lib/schemas", "lib/env", "lib/bench", "components"], "lib/domain is pure logic and imports only lib/domain."),
    NOTHING_IMPORTS_APP,
    NO_DATABASE,
  ],
  "lib/schemas": [
    forbid(["lib/data", "lib/ingest", "lib/api", "lib/auth", "lib/bench", "components"], "lib/schemas imports only lib/domain (and zod)."),
    NOTHING_IMPORTS_APP,
    NO_DATABASE,
  ],
  "lib/data": [forbid(["lib/ingest", "lib/api", "lib/bench", "components"], "lib/data imports only lib/db, lib/domain and lib/schemas."), NOTHING_IMPORTS_APP],
  "lib/ingest": [forbid(["lib/api", "components"], "lib/ingest imports only lib/data, lib/domain and lib/schemas."), NOTHING_IMPORTS_APP],
  "lib/api": [forbid(["lib/ingest", "components"], "lib/api shapes responses from lib/data, lib/domain and lib/schemas."), NOTHING_IMPORTS_APP, NO_DATABASE],
  components: [
    forbid(["lib/ingest", "lib/api", "lib/auth", "lib/env", "lib/backup"], "components import only components, lib/domain and lib/schemas (and lib/data types)."),
    NOTHING_IMPORTS_APP,
    NO_DATABASE,
  ],
  scripts: [NOTHING_IMPORTS_APP],
};

const layerConfigs = Object.entries(LAYER_RULES).map(([folder, patterns]) => ({
  name: `atlas/layers/${folder}`,
  files: [`${folder}/**/*.{ts,tsx,mts}`],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
}));

// Components may name lib/data's plain types (ModelListItem) but never run its code, which queries.
layerConfigs.find((c) => c.name === "atlas/layers/components").rules["@typescript-eslint/no-restricted-imports"][1].patterns.push({
  ...forbid(["lib/data"], "components never query: take lib/data's results as props (type imports are fine)."),
  allowTypeImports: true,
});

const config = [
  ...nextVitals,
  ...nextTypescript,
  ...layerConfigs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".data/**", "bench/results/**"],
  },
];

export default config;
