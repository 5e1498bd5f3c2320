import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/openapi";
import { originOfHeaders } from "@/lib/api/origin";
import { COMPLETE_THROUGH_HEADER, CREDIT_HEADER, creditText } from "@/lib/api/responses";

// The read API, readable: generated from the same OpenAPI document /api/v1/openapi.json serves, so the
// two cannot drift. Server-rendered, no script of its own and nothing from another origin.
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "API documentation",
  description: "The Open Model Atlas read API: every endpoint, its parameters and the fields of its answers, generated from the OpenAPI document.",
};

/** The parts of a JSON Schema (as lib/api/openapi.ts writes them) the page reads. */
interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  description?: string;
  $ref?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
}
interface Parameter { name: string; in: string; required: boolean; description?: string; schema: Schema }
interface ResponseDoc { description: string; headers?: Record<string, { description: string; schema: Schema }>; content?: Record<string, { schema: Schema }> }
interface Operation { summary: string; parameters?: Parameter[]; responses: Record<string, ResponseDoc> }
interface ApiDoc {
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  components: { schemas: Record<string, Schema> };
  paths: Record<string, { get: Operation }>;
}

/** `#/components/schemas/X` and `allOf` resolved: the properties a reader sees. */
function resolve(doc: ApiDoc, schema: Schema): Schema {
  if (schema.$ref) {
    const target = doc.components.schemas[schema.$ref.split("/").at(-1)!] ?? {};
    return { ...resolve(doc, target), description: schema.description ?? target.description };
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s));
    return {
      type: "object",
      description: schema.description,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

function typeText(doc: ApiDoc, raw: Schema): string {
  const s = resolve(doc, raw);
  if (raw.$ref) return raw.$ref.split("/").at(-1)!;
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const named = types.map((t) => (t === "array" && s.items ? `array of ${typeText(doc, s.items)}` : t)).join(" or ");
  return [named || "any", s.format ? `(${s.format})` : ""].filter(Boolean).join(" ");
}

interface FieldRow { name: string; type: string; /** null: the schema does not say */ required: boolean | null; description: string }

/** The fields of a response, two levels deep: `data[].url`, `organization.country`. */
function fieldRows(doc: ApiDoc, raw: Schema, prefix = "", depth = 0): FieldRow[] {
  const s = resolve(doc, raw);
  const rows: FieldRow[] = [];
  for (const [name, propRaw] of Object.entries(s.properties ?? {})) {
    const prop = resolve(doc, propRaw);
    const full = `${prefix}${name}`;
    rows.push({ name: full, type: typeText(doc, propRaw), required: s.required ? s.required.includes(name) : null, description: prop.description ?? "" });
    if (depth >= 2) continue;
    if (prop.properties) rows.push(...fieldRows(doc, prop, `${full}.`, depth + 1));
    const items = prop.items ? resolve(doc, prop.items) : null;
    if (items?.properties) rows.push(...fieldRows(doc, items, `${full}[].`, depth + 1));
  }
  return rows;
}

/** The path as an id for its section: /api/v1/models/{slug} -> api-v1-models-slug. */
const anchor = (p: string) => p.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();

const th = "border-b border-zinc-300 px-2 py-1 text-left font-medium dark:border-zinc-700";
const td = "border-b border-zinc-200 px-2 py-1 align-top dark:border-zinc-800";
const link = "text-blue-700 underline dark:text-blue-400";

export default async function ApiDocsPage() {
  const origin = originOfHeaders(await headers());
  const doc = openApiDocument(origin) as unknown as ApiDoc;
  const paths = Object.entries(doc.paths);

  return (
    <article className="text-zinc-800 dark:text-zinc-200">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-100">API documentation</h1>
      <p className="mt-2 max-w-3xl">{doc.info.description}</p>
      <p className="mt-2 max-w-3xl text-sm">
        Base URL <code className="break-all">{doc.servers[0]?.url}</code>. Every endpoint answers GET without a key, and any web page may call it
        (CORS: <code>Access-Control-Allow-Origin: *</code>). Errors are JSON <code>{"{ error, details: [{ param, message }] }"}</code>: 400 names the
        parameter, 503 means the data store is briefly unavailable (retry after the <code>Retry-After</code> seconds). Generated from the
        machine-readable <a href="/api/v1/openapi.json" className={link}>OpenAPI document</a> (version {doc.info.version}).
      </p>
      <h2 className="mt-6 text-lg font-semibold">Credit and coverage</h2>
      <p className="mt-2 max-w-3xl text-sm">
        The CSV exports hold only data: a header line and one line per row, so <code>pandas.read_csv</code> and spreadsheet programs read them
        with their defaults. The credit the secondary sources’ licenses ask for is in the <code>{CREDIT_HEADER}</code> response header, and how
        far the data reaches (the JSON’s <code>completeThrough</code>) in <code>{COMPLETE_THROUGH_HEADER}</code>. Keep the credit with the data
        you publish: “{creditText()}”.
      </p>

      <nav aria-label="Endpoints" className="mt-6">
        <h2 className="text-lg font-semibold">Endpoints</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {paths.map(([p, item]) => (
            <li key={p}>
              <a href={`#${anchor(p)}`} className={`${link} font-mono`}>GET {p}</a>: {item.get.summary.split(/[:.(]/)[0]}
            </li>
          ))}
        </ul>
      </nav>

      {paths.map(([p, item]) => {
        const op = item.get;
        return (
          <section key={p} id={anchor(p)} data-api-path={p} className="mt-10 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <h2 className="break-all font-mono text-lg font-semibold">GET {p}</h2>
            <p className="mt-1 max-w-3xl">{op.summary}</p>
            {!p.includes("{") && <p className="mt-1 text-sm"><a href={p} className={link}>Try it</a></p>}

            <h3 className="mt-4 font-medium">Parameters</h3>
            {op.parameters?.length ? (
              <div className="mt-1 overflow-x-auto">
                <table className="w-full min-w-[32rem] border-collapse text-sm">
                  <thead><tr><th className={th}>name</th><th className={th}>in</th><th className={th}>type</th><th className={th}>description</th></tr></thead>
                  <tbody>
                    {op.parameters.map((param) => (
                      <tr key={`${param.in}:${param.name}`}>
                        <td className={`${td} font-mono`}>{param.name}{param.required ? " (required)" : ""}</td>
                        <td className={td}>{param.in}</td>
                        <td className={td}>{typeText(doc, param.schema)}</td>
                        <td className={td}>{param.description ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : <p className="mt-1 text-sm">None.</p>}

            <h3 className="mt-4 font-medium">Responses</h3>
            {Object.entries(op.responses).map(([status, res]) => {
              const [type, body] = Object.entries(res.content ?? {})[0] ?? [];
              const fields = body ? fieldRows(doc, body.schema) : [];
              return (
                <div key={status} className="mt-2">
                  <p className="text-sm"><strong>{status}</strong> {type && <code>{type}</code>}: {res.description}</p>
                  {res.headers && (
                    <ul className="ml-5 list-disc text-sm">
                      {Object.entries(res.headers).map(([name, h]) => <li key={name}><code>{name}</code>: {h.description}</li>)}
                    </ul>
                  )}
                  {status === "200" && fields.length > 0 && (
                    <div className="mt-1 overflow-x-auto">
                      <table className="w-full min-w-[32rem] border-collapse text-sm">
                        <thead><tr><th className={th}>field</th><th className={th}>type</th><th className={th}>description</th></tr></thead>
                        <tbody>
                          {fields.map((f) => (
                            <tr key={f.name}>
                              <td className={`${td} break-all font-mono`}>{f.name}{f.required === false ? " (optional)" : ""}</td>
                              <td className={td}>{f.type}</td>
                              <td className={td}>{f.description}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
      <p className="mt-10 text-sm"><Link href="/about" className={link}>Methodology and credits</Link></p>
    </article>
  );
}
