import { ThreadView } from "@/components/thread/thread-view";

/** One thread. Keyed by id, so that moving to another thread starts from a clean state. */
export default async function ThreadPage({ params }: PageProps<"/chat/[threadId]">) {
  const { threadId } = await params;
  return <ThreadView key={threadId} threadId={threadId} />;
}
