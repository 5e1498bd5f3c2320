import { z } from "zod";
import { countTextSchema } from "./counts";
import { MAX_CONTEXT, MAX_PARAMS, MIN_CONTEXT, MIN_PARAMS } from "./model-rules";
import { formatExact } from "./params";
import { hfRepoIdSchema, isoDateSchema, plainTextSchema, slugSchema } from "./text-schemas";

/**
 * The user-facing fields of a model release. Each one is stored with its own provenance
 * (source kind, URL, retrieval date) and every change of one is written to the revision log.
 */
export const MODEL_FIELDS = [
  "name",
  "family",
  "variant",
  "developers",
  "announcedDate",
  "releaseDate",
  "totalParams",
  "activeParams",
  "architecture",
  "routedExperts",
  "expertsPerToken",
  "sharedExperts",
  "contextWindow",
  "maxPositionEmbeddings",
  "licenseId",
  "openWeights",
  "hfRepoId",
  "baseModel",
  "modalities",
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

export const ARCHITECTURES = ["dense", "moe"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const VARIANTS = ["base", "instruct", "reasoning", "coder", "other"] as const;
export type Variant = (typeof VARIANTS)[number];

export const MODALITIES = ["text", "image", "audio", "video"] as const;
export type Modality = (typeof MODALITIES)[number];

export const ORGANIZATION_KINDS = ["company", "lab", "university", "nonprofit"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A model release as the write path takes it: every field, normalized, no source attached. */
export interface ModelValues {
  name: string;
  family: string;
  variant: Variant;
  /** Organization slugs; the first is the primary developer. */
  developers: string[];
  /** YYYY-MM-DD */
  announcedDate: string | null;
  /** YYYY-MM-DD: when the weights became downloadable. */
  releaseDate: string;
  /** All weights, as an integer count. */
  totalParams: number | null;
  /** Weights used per token (MoE: shared + chosen experts + the rest); dense: equal to totalParams. */
  activeParams: number | null;
  /** Null only for a closed reference model (openWeights false): its developer does not say. */
  architecture: Architecture | null;
  /** MoE only: routed experts per MoE layer. */
  routedExperts: number | null;
  /** MoE only: routed experts chosen per token. */
  expertsPerToken: number | null;
  /** MoE only: experts every token goes through. */
  sharedExperts: number | null;
  /** The longest input the developer states the release supports, in tokens. */
  contextWindow: number | null;
  /** config.json's max_position_embeddings, which often differs from the advertised context. */
  maxPositionEmbeddings: number | null;
  /** Null only for a closed reference model: there are no weights to license. */
  licenseId: string | null;
  openWeights: boolean;
  hfRepoId: string | null;
  /** Slug of the model this one derives from. */
  baseModel: string | null;
  modalities: Modality[];
}

// ---- The field registry: one entry per model field, and everything else about fields derives from it.

/** How people enter a field on the corrections form. */
export type FieldInput =
  | "text" // a line of plain text
  | "select" // one of a fixed list (enums, licenses, yes/no)
  | "date" // YYYY-MM-DD
  | "params" // a parameter count: 671000000000 or 671B
  | "count" // a plain whole number (experts, tokens)
  | "slug-list" // organization ids, comma-separated, primary first
  | "slug" // one model id
  | "checkboxes"; // several of a fixed list (modalities)

export const FIELD_GROUPS = ["Identity", "Dates", "Size and architecture", "Context", "License and access", "Modalities"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/**
 * How a stored value reads (lib/domain/field-display.ts formats by it): `params` 671B (671,000,000,000),
 * `tokens` 128K tokens (131,072), `count` 1,024, `enum` through the entry's `names`, `yes-no`, `list`
 * joined with commas; `text` and `date` as stored.
 */
export type FieldDisplay = "text" | "date" | "params" | "tokens" | "count" | "enum" | "yes-no" | "list";

/**
 * When two sources' values count as a disagreement (lib/domain/disagreements.ts): `relative` beyond a
 * fraction of the smaller value (0: any difference), `days` any difference sized in days, `ignore-case`
 * and `set` as named, `exact` otherwise. A missing value is never a disagreement.
 */
export type FieldTolerance = { kind: "relative"; max: number } | { kind: "days" } | { kind: "ignore-case" } | { kind: "set" } | { kind: "exact" };

/**
 * Parameter counts are stated loosely ("7B" for 7.24B, 116.83B for "117B"): within 1% is rounding, not a
 * disagreement worth a reader's time (docs/decisions/005-ingesters.md).
 */
export const PARAM_TOLERANCE = 0.01;

/** Bounds of values typed into the corrections form (also in CORRECTION_LIMITS). */
export const FIELD_LIMITS = {
  text: 200,
  developers: 10,
  /** Any number above this (experts per layer, experts per token) is a typo or an attack. */
  experts: 100_000,
} as const;

/**
 * How a field is stored in the Model table: a column named as the field, of this type. Developers and the
 * base model are relations (ModelDeveloper rows, baseModelId) that the write path resolves.
 */
export type FieldColumn = "text" | "date" | "bigint" | "int" | "boolean" | "text[]";
export type RelationField = "developers" | "baseModel";
export type ColumnField = Exclude<ModelField, RelationField>;

/** A JSON Schema fragment of the public API's model object. */
type JsonSchema = Record<string, unknown>;

export interface FieldDef<K extends ModelField = ModelField> {
  /** The one label of the field, on every page, form, export note and feed. */
  label: string;
  display: FieldDisplay;
  /** `display: "enum"`: how each stored value reads. */
  names?: Readonly<Record<string, string>>;
  input: FieldInput;
  /** Shown under the form input: the unit or the format expected. */
  hint: string;
  group: FieldGroup;
  /** The fixed options of a select or checkboxes input (licenses come from the database instead). */
  choices?: readonly { value: string; label: string }[];
  /** The value in its stored type: what the write path takes and a stored proposal is re-checked with. */
  value: z.ZodType<ModelValues[K] & {}>;
  /** The value as typed into the form, parsed into the stored type. */
  text: z.ZodType<ModelValues[K] & {}, unknown>;
  /** The key in data/curated/*.yaml (short for people: `released`, `license`). */
  yamlKey: string;
  /** The CSV export's columns for this field (developers and license expand into several). */
  csvColumns: readonly string[];
  /** The property of the public API's model object, its JSON Schema and description. */
  api: { name: string; schema: JsonSchema; description?: string };
  tolerance: FieldTolerance;
  /** The Model table's column for the field (null for a relation). */
  column: K extends RelationField ? null : FieldColumn;
  /** Whether every model has a value (the type checks it against ModelValues: null allowed means false). */
  required: null extends ModelValues[K] ? false : true;
  /** Whether the public corrections form offers the field. */
  correctable: boolean;
  /** Whether /compare shows the field as a row. */
  compare: boolean;
}

// ---- Value schemas shared by several fields.

const paramsValue = z
  .int({ message: "must be a whole number" })
  .min(MIN_PARAMS, "is below 10M: not a language model (a unit slip?)")
  .max(MAX_PARAMS, "is above 10T: nobody has released a model that large (a unit slip?)");
const contextValue = z
  .int({ message: "must be a whole number" })
  .min(MIN_CONTEXT, `is below ${MIN_CONTEXT} tokens: not plausible`)
  .max(MAX_CONTEXT, `is above ${formatExact(MAX_CONTEXT)} tokens: not plausible`);
const expertsValue = (min: number) =>
  z
    .int({ message: "must be a whole number" })
    .min(min, min === 0 ? "cannot be negative" : "must be at least 1")
    .max(FIELD_LIMITS.experts, `is above ${formatExact(FIELD_LIMITS.experts)}: not plausible`);
const dateValue = isoDateSchema.refine((d) => d >= "2000-01-01", "is before 2000: no open-weights language model is that old");
const nameValue = plainTextSchema(FIELD_LIMITS.text).min(1, "cannot be empty");
const modalitiesValue = z
  .array(z.enum(MODALITIES, { message: `must be among ${MODALITIES.join(", ")}` }))
  .min(1, "needs at least one modality")
  .refine((list) => new Set(list).size === list.length, "lists a modality twice");

// ---- Text (form) schemas.

const trimmed = z.string({ message: "must be text" }).trim();
/**
 * A token count is stored exactly, and "128K" is 128,000 to some and 131,072 to others (1M: 1,000,000 or
 * 1,048,576), so token fields take the digits; every other count reads like everywhere else.
 */
const exactTokenText = z
  .string({ message: "must be text" })
  .refine((s) => !/\d ?[KM]$/i.test(s.trim()), "is ambiguous with a unit (128K is 128,000 or 131,072 tokens): type the exact count, like 131072")
  .pipe(countTextSchema);
const splitList = z.string({ message: "must be text" }).transform((s) => s.split(/[\s,]+/).filter(Boolean));
const yesNo = z.enum(["yes", "no"], { message: "choose yes or no" }).transform((v) => v === "yes");

const nullableCount = { type: ["integer", "null"] };
const nullableDate = { type: ["string", "null"], format: "date" };
const enumChoices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

const PARAMS = { required: false, column: "bigint", display: "params", input: "params", tolerance: { kind: "relative", max: PARAM_TOLERANCE }, correctable: true, compare: true } as const;
const EXPERTS = { required: false, column: "int", display: "count", input: "count", tolerance: { kind: "relative", max: 0 }, correctable: true } as const;
const TOKENS = { required: false, column: "int", display: "tokens", input: "count", tolerance: { kind: "relative", max: 0 }, correctable: true } as const;
const DATE = { column: "date", display: "date", input: "date", tolerance: { kind: "days" }, correctable: true, compare: true } as const;
const EXACT = { kind: "exact" } as const;

/**
 * Every model field: how it is named, shown, entered, validated, stored in YAML, exported and compared.
 * A field added to MODEL_FIELDS fails the type check here until it has an entry.
 */
const REGISTRY = {
  name: {
    label: "Name", required: true, column: "text", display: "text", input: "text", hint: "As the developer writes it.", group: "Identity",
    value: nameValue, text: nameValue,
    yamlKey: "name", csvColumns: ["name"], api: { name: "name", schema: { type: "string" } },
    tolerance: EXACT, correctable: true, compare: false,
  },
  family: {
    label: "Family", required: true, column: "text", display: "text", input: "text", hint: "The series the release belongs to, e.g. DeepSeek-V3.", group: "Identity",
    value: nameValue, text: nameValue,
    yamlKey: "family", csvColumns: ["family"], api: { name: "family", schema: { type: "string" } },
    tolerance: EXACT, correctable: true, compare: false,
  },
  variant: {
    label: "Variant", required: true, column: "text", display: "text", input: "select", hint: "base, instruct, reasoning, coder or other.", group: "Identity",
    choices: enumChoices(VARIANTS),
    value: z.enum(VARIANTS, { message: `must be one of ${VARIANTS.join(", ")}` }),
    text: trimmed.pipe(z.enum(VARIANTS, { message: `must be one of ${VARIANTS.join(", ")}` })),
    yamlKey: "variant", csvColumns: ["variant"], api: { name: "variant", schema: { enum: [...VARIANTS] } },
    tolerance: EXACT, correctable: true, compare: true,
  },
  developers: {
    label: "Developers", required: true, column: null, display: "list", input: "slug-list",
    hint: "Organization ids as in the atlas, comma-separated, the primary developer first (e.g. deepseek).", group: "Identity",
    value: developersValue(),
    text: plainTextSchema(1000).pipe(splitList).pipe(developersValue()),
    yamlKey: "developers",
    // The primary developer's columns first: most readers filter a spreadsheet by it.
    csvColumns: ["organization", "organization_name", "country", "developers"],
    api: { name: "developers", schema: { type: "array", items: { $ref: "#/components/schemas/Organization" } }, description: "All developers, primary first" },
    tolerance: EXACT, correctable: true, compare: false,
  },
  announcedDate: {
    ...DATE, label: "Announced", required: false, hint: "YYYY-MM-DD.", group: "Dates",
    value: dateValue, text: trimmed.pipe(dateValue),
    yamlKey: "announced", csvColumns: ["announced_date"], api: { name: "announcedDate", schema: nullableDate },
  },
  releaseDate: {
    ...DATE, label: "Weights released", required: true, hint: "YYYY-MM-DD: when the weights became downloadable.", group: "Dates",
    value: dateValue, text: trimmed.pipe(dateValue),
    yamlKey: "released", csvColumns: ["release_date"],
    api: { name: "releaseDate", schema: { type: "string", format: "date" }, description: "When the weights became downloadable" },
  },
  totalParams: {
    ...PARAMS, label: "Total parameters", hint: "All weights: an exact count (671000000000) or 671B, 1.04T.", group: "Size and architecture",
    value: paramsValue, text: countTextSchema.pipe(paramsValue),
    yamlKey: "totalParams", csvColumns: ["total_params"], api: { name: "totalParams", schema: nullableCount, description: "All weights, as an integer count" },
  },
  activeParams: {
    ...PARAMS, label: "Active parameters", hint: "Weights used per token; equal to the total for dense models.", group: "Size and architecture",
    value: paramsValue, text: countTextSchema.pipe(paramsValue),
    yamlKey: "activeParams", csvColumns: ["active_params"],
    api: { name: "activeParams", schema: nullableCount, description: "Weights used per token; equal to totalParams for dense models" },
  },
  architecture: {
    label: "Architecture", required: false, column: "text", display: "enum", names: { dense: "Dense", moe: "MoE" }, input: "select", hint: "dense or MoE.", group: "Size and architecture",
    choices: [
      { value: "dense", label: "Dense" },
      { value: "moe", label: "MoE (mixture of experts)" },
    ],
    value: z.enum(ARCHITECTURES, { message: "must be dense or moe" }),
    text: trimmed.pipe(z.enum(ARCHITECTURES, { message: "must be dense or moe" })),
    yamlKey: "architecture", csvColumns: ["architecture"], api: { name: "architecture", schema: { enum: [...ARCHITECTURES, null] }, description: "null only for a closed reference model (openWeights false)" },
    tolerance: EXACT, correctable: true, compare: true,
  },
  routedExperts: {
    ...EXPERTS, label: "Routed experts", hint: "MoE only: routed experts per MoE layer.", group: "Size and architecture",
    value: expertsValue(1), text: countTextSchema.pipe(expertsValue(1)),
    yamlKey: "routedExperts", csvColumns: ["routed_experts"], api: { name: "routedExperts", schema: nullableCount, description: "MoE: routed experts per layer" },
    compare: true,
  },
  expertsPerToken: {
    ...EXPERTS, label: "Experts per token", hint: "MoE only: routed experts chosen per token.", group: "Size and architecture",
    value: expertsValue(1), text: countTextSchema.pipe(expertsValue(1)),
    yamlKey: "expertsPerToken", csvColumns: ["experts_per_token"], api: { name: "expertsPerToken", schema: nullableCount, description: "MoE: routed experts chosen per token" },
    compare: true,
  },
  sharedExperts: {
    ...EXPERTS, label: "Shared experts", hint: "MoE only: experts every token goes through (0 or more).", group: "Size and architecture",
    value: expertsValue(0), text: countTextSchema.pipe(expertsValue(0)),
    yamlKey: "sharedExperts", csvColumns: ["shared_experts"], api: { name: "sharedExperts", schema: nullableCount, description: "MoE: always-active shared experts" },
    compare: true,
  },
  contextWindow: {
    ...TOKENS, label: "Context window", hint: "The longest input the developer states, as an exact token count (131072, not 128K).", group: "Context",
    value: contextValue, text: exactTokenText.pipe(contextValue),
    yamlKey: "contextWindow", csvColumns: ["context_window"],
    api: { name: "contextWindow", schema: nullableCount, description: "Longest input the developer states the release supports, in tokens" },
    compare: true,
  },
  maxPositionEmbeddings: {
    ...TOKENS, label: "Max position embeddings (config)", hint: "config.json's max_position_embeddings, in tokens.", group: "Context",
    value: contextValue, text: exactTokenText.pipe(contextValue),
    yamlKey: "maxPositionEmbeddings", csvColumns: ["max_position_embeddings"],
    api: { name: "maxPositionEmbeddings", schema: nullableCount, description: "config.json's max_position_embeddings" },
    compare: false,
  },
  licenseId: {
    label: "License", required: false, column: "text", display: "text", input: "select", hint: "One of the licenses the atlas knows.", group: "License and access",
    value: licenseIdValue(), text: trimmed.pipe(licenseIdValue()),
    yamlKey: "license", csvColumns: ["license_id", "license_name", "license_category"],
    api: { name: "license", schema: { anyOf: [{ $ref: "#/components/schemas/License" }, { type: "null" }] }, description: "null only for a closed reference model: no weights, so no license of them" },
    tolerance: EXACT, correctable: true, compare: true,
  },
  openWeights: {
    label: "Open weights", required: true, column: "boolean", display: "yes-no", input: "select", hint: "Can the public download the weights (gated or not)?", group: "License and access",
    choices: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
    value: z.boolean({ message: "must be yes or no" }), text: trimmed.pipe(yesNo),
    yamlKey: "openWeights", csvColumns: ["open_weights"], api: { name: "openWeights", schema: { type: "boolean" } },
    tolerance: EXACT, correctable: true, compare: false,
  },
  hfRepoId: {
    label: "Hugging Face repository", required: false, column: "text", display: "text", input: "text", hint: "org/name, e.g. deepseek-ai/DeepSeek-V3.", group: "Identity",
    value: hfRepoIdSchema.max(200, "is too long"), text: plainTextSchema(FIELD_LIMITS.text).pipe(hfRepoIdSchema.max(200, "is too long")),
    yamlKey: "hfRepoId", csvColumns: ["hf_repo_id"], api: { name: "hfRepoId", schema: { type: ["string", "null"] } },
    // The Hub is case-insensitive.
    tolerance: { kind: "ignore-case" }, correctable: true, compare: false,
  },
  baseModel: {
    label: "Base model", required: false, column: null, display: "text", input: "slug", hint: "The id of the model this one derives from, as in its address (e.g. deepseek-v3-base).", group: "Identity",
    value: slugSchema, text: trimmed.max(FIELD_LIMITS.text, "is too long").pipe(slugSchema),
    yamlKey: "baseModel", csvColumns: ["base_model"],
    api: { name: "baseModel", schema: { type: ["string", "null"] }, description: "Slug of the model this one derives from" },
    tolerance: EXACT, correctable: true, compare: true,
  },
  modalities: {
    label: "Input modalities", required: true, column: "text[]", display: "list", input: "checkboxes", hint: "Tick every kind of input the model accepts.", group: "Modalities",
    choices: enumChoices(MODALITIES),
    value: modalitiesValue,
    text: z
      .union([z.string(), z.array(z.string())], { message: "must be a list of modalities" })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(modalitiesValue)
      // Stored in the one order of MODALITIES, whatever order the boxes were sent in.
      .transform((list) => MODALITIES.filter((m) => list.includes(m))),
    yamlKey: "modalities", csvColumns: ["modalities"], api: { name: "modalities", schema: { type: "array", items: { enum: [...MODALITIES] } } },
    tolerance: { kind: "set" }, correctable: true, compare: true,
  },
} as const satisfies { [K in ModelField]: FieldDef<K> };

/**
 * Every model field's entry, as code reads it. The literal types of each entry stay on
 * `ModelFieldRegistry`, for types built from the registry (the curated file's keys, lib/schemas/curated.ts).
 */
export const MODEL_FIELD_REGISTRY: { [K in ModelField]: FieldDef<K> } = REGISTRY;
export type ModelFieldRegistry = typeof REGISTRY;

// Functions rather than constants: they are declared after the registry uses them (hoisting).
function developersValue() {
  return z
    .array(slugSchema, { message: "must be a list of organization ids" })
    .min(1, "needs at least one developer")
    .max(FIELD_LIMITS.developers, `lists more than ${FIELD_LIMITS.developers} developers`)
    .refine((list) => new Set(list).size === list.length, "lists a developer twice");
}
function licenseIdValue() {
  return z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "is not a license id").max(100);
}

export function fieldDef<K extends ModelField>(field: K): FieldDef<K> {
  return MODEL_FIELD_REGISTRY[field];
}

export function isModelField(field: string): field is ModelField {
  return (MODEL_FIELDS as readonly string[]).includes(field);
}

/** The field's one label; an unknown name (an old revision row) reads as itself. */
export function fieldLabel(field: string): string {
  return isModelField(field) ? MODEL_FIELD_REGISTRY[field].label : field;
}

export const CORRECTABLE_FIELDS = MODEL_FIELDS.filter((f) => MODEL_FIELD_REGISTRY[f].correctable);

/** Fields every model has a value for: a new model without one is refused by the write path. */
export const REQUIRED_FIELDS = MODEL_FIELDS.filter((f) => MODEL_FIELD_REGISTRY[f].required);

/** Fields stored as a column of the Model table, named as the field. */
export const COLUMN_FIELDS = MODEL_FIELDS.filter((f): f is ColumnField => MODEL_FIELD_REGISTRY[f].column !== null);

/** The fields a record may leave empty (null in ModelValues). */
export type OptionalField = { [K in ModelField]: null extends ModelValues[K] ? K : never }[ModelField];

/**
 * Every optional field as null: the base that code building whole records spreads (the benchmark's
 * synthetic releases, test fixtures), so that a new optional field needs no edit there.
 */
export const NULL_MODEL_VALUES = Object.fromEntries(
  MODEL_FIELDS.filter((f) => !MODEL_FIELD_REGISTRY[f].required).map((f) => [f, null]),
) as { [K in OptionalField]: null };
