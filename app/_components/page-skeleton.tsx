import { useTranslations } from "next-intl";

function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-xl bg-slate-200 ${className}`} />;
}

export function PageSkeleton() {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="space-y-3">
        <Block className="h-8 w-2/3 max-w-sm" />
        <Block className="h-4 w-1/3 max-w-48" />
      </div>
      <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2">
        <Block className="h-32" />
        <Block className="h-32" />
      </div>
      <div aria-hidden="true" className="grid gap-4 lg:grid-cols-2">
        <Block className="h-56" />
        <Block className="h-56" />
      </div>
    </div>
  );
}
