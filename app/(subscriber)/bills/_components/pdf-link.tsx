"use client";

import { Download } from "lucide-react";
import { useEffect, useState } from "react";

/**
 * The PDF download. A plain link carries no headers, so the installed app says so in the query
 * (`?via=pwa`) and the download counts on the PWA channel like its other contacts.
 */
export function PdfLink({ billId, filename, label }: { billId: string; filename: string; label: string }) {
  const [isStandalone, setIsStandalone] = useState(false);
  useEffect(() => setIsStandalone(window.matchMedia("(display-mode: standalone)").matches), []);
  return (
    <a
      href={`/bills/${billId}/pdf${isStandalone ? "?via=pwa" : ""}`}
      download={filename}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100"
    >
      <Download aria-hidden="true" className="size-4" />
      {label}
    </a>
  );
}
