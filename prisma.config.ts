// Prisma CLI configuration. The CLI is used here only for `prisma generate`; migrations are applied by
// lib/migrate.ts (docs/decisions/001-migrations.md), so the native schema engine, which Prisma would
// download from its own server, is never needed. `generate` only checks that the engine path names a file.
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-schema-engine-unavailable.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
