import type { Prisma } from "@spool/db";

export const threadSelect = {
  id: true,
  kind: true,
  topic: true,
  createdById: true,
  createdAt: true,
  lastSequence: true,
  lastActivityAt: true,
  channelEpoch: true,
  _count: { select: { members: true } },
} satisfies Prisma.ThreadSelect;

export type ThreadRow = Prisma.ThreadGetPayload<{ select: typeof threadSelect }>;

export type ThreadView = Omit<ThreadRow, "_count"> & { memberCount: number };

export function toThreadView({ _count, ...thread }: ThreadRow): ThreadView {
  return { ...thread, memberCount: _count.members };
}
