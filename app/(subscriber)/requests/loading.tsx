import { PageSkeleton } from "@/app/_components/page-skeleton";

// Each section has its own loading state; the dashboard has none on purpose: its content comes
// in the first HTML with the shell, so it paints at once (Largest Contentful Paint).
export default function Loading() {
  return <PageSkeleton />;
}
