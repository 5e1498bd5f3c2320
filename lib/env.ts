import { z } from "zod";

/** The environment, validated once. Every variable the project reads is named here. */
const envSchema = z.object({
  /** Any PostgreSQL server. Unset: `npm start` starts the embedded database and sets it for the app. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional(),
  /** Connections per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the embedded database keeps its files. */
  ATLAS_DATA_DIR: z.string().min(1).default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * `off`: every public GET is rendered afresh (ETags, 304s and Cache-Control are unchanged). For measuring
   * cache misses (`npm run bench`); a deployment leaves it on.
   */
  ATLAS_RESPONSE_CACHE: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  /**
   * The moderators' password for /admin. Unset: moderation is disabled (the public form still takes
   * corrections). At least 12 characters: it is the only thing between the internet and the data.
   */
  ADMIN_PASSWORD: z
    .string()
    .min(12, "must be at least 12 characters (use a long random passphrase)")
    .max(200)
    .optional(),
  /**
   * Key for signing admin sessions and hashing client addresses (random, 32+ characters; the same on every
   * app instance). Unset: derived from ADMIN_PASSWORD. Changing it signs every moderator out.
   */
  SESSION_SECRET: z.string().min(32, "must be at least 32 random characters (e.g. `openssl rand -base64 32`)").optional(),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the app is reached
   * directly and X-Forwarded-For is not read). See docs/decisions/006-corrections.md.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * The public origin of the site, e.g. https://atlas.example.org: the absolute URLs of the Atom feed, the
   * OpenAPI `servers` entry, the API's `url` fields and the CSV's url column. An origin only (no path).
   * Unset: taken from each request's Host header (X-Forwarded-Host/-Proto only when TRUST_PROXY > 0),
   * never from the address the app listens on (lib/public-origin.ts).
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL like https://atlas.example.org" })
    .refine((u) => {
      if (!URL.canParse(u)) return true; // the url check above has said so
      const url = new URL(u);
      return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    }, "must be an origin only, like https://atlas.example.org (no path, query or credentials)")
    .transform((u) => new URL(u).origin)
    .optional(),
  /** The Hugging Face Hub the ingester talks to (a mirror, or a local server in tests). */
  HF_ENDPOINT: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL like https://huggingface.co" })
    .transform((u) => u.replace(/\/+$/, ""))
    .default("https://huggingface.co"),
  /** Optional Hugging Face access token (gated repos, higher rate limits); sent only to HF_ENDPOINT. */
  HF_TOKEN: z.string().regex(/^\S+$/, "must be a token without spaces").optional(),
  /** Optional OpenRouter key: with it, `npm run ingest -- openrouter --live` reads the usage dataset from OpenRouter's API. */
  OPENROUTER_API_KEY: z.string().regex(/^\S+$/, "must be a key without spaces").optional(),
  /** OpenRouter's API base, for tests against a local fake. */
  OPENROUTER_ENDPOINT: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).default("https://openrouter.ai"),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable means unset (a common result of `FOO= cmd`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
