import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CandidateForm, type CandidateFormField } from "@/components/admin/candidate-form";
import { ModerationDisabled } from "@/components/admin/moderation-disabled";
import { ExternalLink } from "@/components/corrections/external-link";
import { linkClass } from "@/components/corrections/form-styles";
import { adminConfig, requireAdmin } from "@/lib/auth/server";
import { getCandidate } from "@/lib/data/candidates";
import { listLicenses } from "@/lib/data/models";
import { formInputText } from "@/lib/domain/field-display";
import { FIELD_GROUPS, MODEL_FIELD_REGISTRY } from "@/lib/domain/model-fields";
import { slugFromName } from "@/lib/domain/naming";
import { CANDIDATE_FIELDS } from "@/lib/schemas/candidate";
import { decideCandidateAction } from "../actions";

// One discovered repository: what discovery read, with its sources, and the form to complete and decide it.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review a new release", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

const BASIS = { hub: "read from the Hub", "repo-name": "guessed from the repository's name: check it" } as const;

export default async function CandidatePage({ params }: Props) {
  if (!adminConfig().enabled) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Review a new release</h1>
        <ModerationDisabled />
      </>
    );
  }
  await requireAdmin();
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [candidate, licenses] = await Promise.all([getCandidate(Number(id)), listLicenses()]);
  if (!candidate) notFound();
  const repoUrl = `https://huggingface.co/${candidate.repoId}`;

  const fields: CandidateFormField[] = CANDIDATE_FIELDS.map((field) => {
    const def = MODEL_FIELD_REGISTRY[field];
    const p = candidate.proposed[field];
    const options = field === "licenseId" ? licenses.map((l) => ({ value: l.id, label: `${l.name} (${l.id})` })) : def.choices?.map((c) => ({ ...c }));
    return {
      field, label: def.label, hint: def.hint, input: field === "licenseId" ? "select" : def.input, options,
      value: formInputText(field, p?.value ?? null),
      url: p?.url ?? "",
      basis: p ? BASIS[p.basis] : candidate.missing.includes(field) ? "missing: fill in" : "not read",
    };
  });
  const groups = FIELD_GROUPS.map((group) => ({ group, fields: fields.filter((f) => MODEL_FIELD_REGISTRY[f.field as keyof typeof MODEL_FIELD_REGISTRY].group === group) })).filter((g) => g.fields.length);

  return (
    <>
      <p className="text-sm">
        <Link href="/admin" className={linkClass}>
          Moderation
        </Link>{" "}
        ›{" "}
        <Link href="/admin/candidates" className={linkClass}>
          New releases
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">{candidate.repoId}</h1>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">Repository</dt>
        <dd>
          <ExternalLink url={repoUrl}>{repoUrl}</ExternalLink>
        </dd>
        <dt className="font-medium">Organization</dt>
        <dd>{candidate.organizationSlug} (author {candidate.author}, data/tracked-orgs.yaml)</dd>
        <dt className="font-medium">Created on the Hub</dt>
        <dd className="tabular">{candidate.hubCreatedAt ?? "not stated"}</dd>
        {candidate.formerRepoIds.length ? (
          <>
            <dt className="font-medium">Earlier names</dt>
            <dd>{candidate.formerRepoIds.join(", ")}</dd>
          </>
        ) : null}
        <dt className="font-medium">Status</dt>
        <dd>
          {candidate.status}
          {candidate.model ? (
            <>
              {" "}
              (
              <Link href={`/models/${candidate.model.slug}`} className={linkClass}>
                {candidate.model.name}
              </Link>
              )
            </>
          ) : null}
          {candidate.reviewReason ? ` — ${candidate.reviewReason}` : null}
        </dd>
      </dl>
      {candidate.problems.length ? (
        <div className="mt-4 max-w-3xl rounded border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
          <h2 className="font-semibold text-amber-900 dark:text-amber-200">What discovery could not read</h2>
          <ul className="mt-1 list-disc pl-5 text-amber-900 dark:text-amber-200">
            {candidate.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {candidate.status === "pending" ? (
        <CandidateForm candidateId={candidate.id} slug={slugFromName(candidate.repoId.split("/")[1] ?? candidate.repoId)} groups={groups} action={decideCandidateAction} />
      ) : (
        <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">This candidate was decided on {candidate.reviewedAt?.slice(0, 10)}; decisions are final here. Correct the record through its page.</p>
      )}
    </>
  );
}
