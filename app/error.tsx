"use client";

import { CenteredPage } from "./_components/centered-page";
import { ErrorView } from "./_components/error-view";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <CenteredPage>
      <ErrorView error={error} retry={retry} />
    </CenteredPage>
  );
}
