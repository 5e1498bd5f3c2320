import { countryGroup, countryName } from "@/lib/domain/countries";

const SWATCH: Record<string, string> = { US: "bg-us", CN: "bg-cn", other: "bg-other" };

/** A country named in full, with its chart colour as a small swatch (never a flag). */
export function CountryLabel({ code }: { code: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden className={`inline-block size-2 rounded-full ${SWATCH[countryGroup(code)]}`} />
      {countryName(code)}
    </span>
  );
}
