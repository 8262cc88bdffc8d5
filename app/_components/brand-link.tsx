import Link from "next/link";

export function BrandLink() {
  return (
    <Link href="/" className="flex min-h-11 shrink-0 items-center gap-2 rounded-lg text-lg font-bold text-brand-700">
      <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-base text-white">
        S
      </span>
      Selfcare
    </Link>
  );
}
