import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { ModerationDisabled } from "@/components/admin/moderation-disabled";
import { adminConfig, isAdmin } from "@/lib/auth/server";
import { login } from "../actions";

// The one admin page open to anonymous visitors: the way in.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Moderators: sign in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  if (!adminConfig().enabled) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Moderators: sign in</h1>
        <ModerationDisabled />
      </>
    );
  }
  if (await isAdmin()) redirect("/admin");
  const signedOut = (await searchParams).signedOut === "1";
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Moderators: sign in</h1>
      {signedOut ? (
        <p role="status" className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          You are signed out.
        </p>
      ) : null}
      <p className="mt-2 max-w-xl text-sm text-zinc-700 dark:text-zinc-300">
        Moderators review the corrections people send. The password is the app&apos;s <code className="font-mono">ADMIN_PASSWORD</code>.
      </p>
      <LoginForm action={login} />
    </>
  );
}
