import { inject } from "vitest";

// lib/db reads DATABASE_URL on first use: point it at the tests' own database.
process.env.DATABASE_URL = inject("databaseUrl");
