"use client";

import { ErrorView } from "@/app/_components/error-view";

export default function GroupError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
