import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rule of eslint.config.mjs, run through ESLint's Node API on code that is never written to disk.
const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("the layers lint rule", () => {
  it("fires on an import that runs up a layer", async () => {
    expect(await layerErrors("lib/domain/upward.ts", 'import { findModels } from "@/lib/data/models";\nexport const f = findModels;\n')).toEqual([
      expect.stringContaining("lib/domain is pure logic and imports only lib/domain."),
    ]);
    expect(await layerErrors("lib/domain/upward.ts", 'import { findModels } from "../data/models";\nexport const f = findModels;\n')).toHaveLength(1);
    // The import that ran up a layer before ModelQuery moved into lib/domain (type imports count too).
    expect(await layerErrors("lib/domain/upward.ts", 'import type { ModelQuery } from "@/lib/schemas/model-query";\nexport type Q = ModelQuery;\n')).toHaveLength(1);
    expect(await layerErrors("lib/domain/upward.ts", 'import { getDb } from "@/lib/db";\nexport const f = getDb;\n')).toEqual([expect.stringContaining("Only lib/data")]);
    expect(await layerErrors("lib/schemas/upward.ts", 'import { ModelsTable } from "@/components/models/models-table";\nexport const f = ModelsTable;\n')).toHaveLength(1);
    expect(await layerErrors("components/upward.tsx", 'import { findModels } from "@/lib/data/models";\nexport const f = findModels;\n')).toEqual([
      expect.stringContaining("components never query"),
    ]);
    expect(await layerErrors("lib/data/upward.ts", 'import { GET } from "@/app/api/v1/models/route";\nexport const f = GET;\n')).toEqual([expect.stringContaining("Nothing imports app/")]);
  });

  it("lets imports that follow the layers through", async () => {
    expect(await layerErrors("lib/domain/fine.ts", 'import { formatParams } from "./params";\nexport const f = formatParams;\n')).toEqual([]);
    expect(await layerErrors("lib/schemas/fine.ts", 'import { parseCount } from "@/lib/domain/counts";\nexport const f = parseCount;\n')).toEqual([]);
    expect(await layerErrors("components/fine.tsx", 'import type { ModelListItem } from "@/lib/data/models";\nexport type T = ModelListItem;\n')).toEqual([]);
    expect(await layerErrors("app/fine.tsx", 'import { findModels } from "@/lib/data/models";\nexport const f = findModels;\n')).toEqual([]);
    // Tests may import anything.
    expect(await layerErrors("lib/domain/fine.test.ts", 'import { getDb } from "@/lib/db";\nexport const f = getDb;\n')).toEqual([]);
  });
});
