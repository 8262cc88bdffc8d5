"use client";

import { useMutation } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { SECONDARY_BUTTON } from "../../_components/buttons";
import { Notice } from "../../_components/notice";

/**
 * Makes a one-time link for a staff member to set a new password (staff never recover by SMS).
 * The link is shown here once: the server keeps only its hash.
 */
export function ResetLinkButton({ user }: { user: { id: string; name: string } }) {
  const t = useTranslations("admin.users");
  const tCommon = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const makeLink = useMutation(trpc.admin.users.resetPasswordLink.mutationOptions());
  const [link, setLink] = useState<{ url: string; expiresAt: Date } | null>(null);
  const [isFailed, setIsFailed] = useState(false);

  async function create() {
    if (!window.confirm(t("resetLinkConfirm", { name: user.name }))) return;
    setIsFailed(false);
    try {
      const result = await makeLink.mutateAsync({ userId: user.id });
      const url = result.url.startsWith("http") ? result.url : `${window.location.origin}${result.path}`;
      setLink({ url, expiresAt: result.expiresAt });
    } catch {
      setIsFailed(true);
    }
  }

  return (
    <div className="w-full sm:w-auto">
      <button
        type="button"
        onClick={() => void create()}
        disabled={makeLink.isPending}
        className={SECONDARY_BUTTON}
        aria-label={t("resetLinkLabel", { name: user.name })}
      >
        <KeyRound aria-hidden="true" className="size-4" />
        {t("resetLink")}
      </button>
      {link && (
        <Notice tone="success" className="mt-2">
          <p>
            {t("resetLinkShownOnce", {
              time: `${formatDate(link.expiresAt, locale)} ${formatTime(link.expiresAt, locale)}`,
            })}
          </p>
          <input
            readOnly
            value={link.url}
            aria-label={t("resetLinkLabel", { name: user.name })}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-2 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          />
        </Notice>
      )}
      {isFailed && (
        <Notice tone="error" className="mt-2">
          {tCommon("unexpected")}
        </Notice>
      )}
    </div>
  );
}
