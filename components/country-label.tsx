import { countryGroup, countryName } from "@/lib/domain/countries";

const SWATCH: Record<string, string> = { US: "bg-us", CN: "bg-cn", other: "bg-other" };

/**
 * A country named in full, with its chart colour as a small swatch (never a flag). One unbreakable
 * piece: with `parens` the brackets are inside it, so a narrow line never ends in "( ●" with "France)" on
 * the next.
 */
export function CountryLabel({ code, parens = false }: { code: string; parens?: boolean }) {
  return (
    <span className="inline-flex items-center whitespace-nowrap" data-country-label>
      {parens && "("}
      <span aria-hidden className={`mr-1.5 inline-block size-2 rounded-full ${SWATCH[countryGroup(code)]}`} />
      {countryName(code)}
      {parens && ")"}
    </span>
  );
}
