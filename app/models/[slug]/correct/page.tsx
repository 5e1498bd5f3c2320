import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CorrectionForm, type FormField } from "@/components/corrections/correction-form";
import { linkClass } from "@/components/corrections/form-styles";
import { getCorrectionFormData } from "@/lib/data/corrections/form";
import { CORRECTABLE_FIELDS, FIELD_GROUPS, MODEL_FIELD_REGISTRY } from "@/lib/domain/model-fields";
import { submitCorrection } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

// One query per request for both the metadata and the page.
const loadForm = cache(getCorrectionFormData);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadForm((await params).slug);
  return { title: data ? `Suggest a correction: ${data.name}` : "Model not found", robots: { index: false } };
}

export default async function SuggestCorrectionPage({ params }: Props) {
  const { slug } = await params;
  const data = await loadForm(slug);
  if (!data) notFound();

  // Every correctable field of the registry, with its fixed choices; the licenses are the database's.
  const fields: FormField[] = CORRECTABLE_FIELDS.map((field) => {
    const { label, hint, input, group, choices } = MODEL_FIELD_REGISTRY[field];
    const options = field === "licenseId" ? data.licenses.map((l) => ({ value: l.id, label: `${l.name} (${l.id})` })) : choices?.map((c) => ({ ...c }));
    return { field, label, hint, input, group, current: data.currentDisplay[field], options };
  });
  const groups = FIELD_GROUPS.map((group) => ({ group, fields: fields.filter((f) => f.group === group) }));

  return (
    <>
      <p className="text-sm">
        <Link href={`/models/${data.slug}`} className={linkClass}>
          {data.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Suggest a correction to {data.name}</h1>
      <p className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        Know a value is wrong? Say so with evidence. A moderator checks it against the source; accepted corrections change the
        atlas and are listed, with their evidence, on{" "}
        <Link href="/changes" className={linkClass}>
          the public list of changes
        </Link>
        .
      </p>
      <CorrectionForm modelName={data.name} groups={groups} action={submitCorrection.bind(null, data.slug)} />
    </>
  );
}
