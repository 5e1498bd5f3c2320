import { safeHref } from "@/lib/domain/correction-fields";
import { linkClass } from "./form-styles";

/**
 * A link to a URL someone submitted: only http(s) (checked again here, whatever is stored), no referrer,
 * marked as user content for search engines. Shows the host so people see where it goes.
 */
export function ExternalLink({ url, children }: { url: string; children?: React.ReactNode }) {
  const href = safeHref(url);
  if (!href) return <span className="break-all">{url}</span>;
  return (
    <a href={href} rel="nofollow noopener noreferrer ugc" className={`break-all ${linkClass}`}>
      {children ?? new URL(href).host}
    </a>
  );
}
