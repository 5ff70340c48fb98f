import { directPairKey } from "../direct-pair-key";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../password";

/** Shared by every demo user; printed when the dev server starts. Never seeded in production. */
export const DEMO_PASSWORD = "spool-demo";
export const DEMO_USERNAMES = ["alice", "bob", "carol"] as const;

type Username = (typeof DEMO_USERNAMES)[number];

interface Entry {
  from: Username;
  text?: string;
  priority?: "normal" | "high";
  added?: Username;
  /** Minutes before now. */
  ago: number;
}

const groupHistory: Entry[] = [
  { from: "alice", text: "Morning! The launch checklist is pinned in the doc.", ago: 180 },
  { from: "bob", text: "Thanks Alice. I'll take the release notes.", ago: 172 },
  { from: "alice", added: "carol", ago: 95 },
  { from: "carol", text: "Hi both 👋 I can do the QA pass this afternoon.", ago: 90 },
  { from: "alice", text: "Code freeze is Friday at 17:00.", priority: "high", ago: 30 },
];

const directHistory: Entry[] = [
  { from: "bob", text: "Lunch tomorrow?", ago: 60 },
  { from: "alice", text: "Sure, 12:30 at the noodle place 🍜", ago: 55 },
];

/** Demo users alice, bob and carol, a group thread and a 1:1 thread with a little history. */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const users = {} as Record<Username, string>;
    for (const username of DEMO_USERNAMES) {
      const name = username[0]!.toUpperCase() + username.slice(1);
      const user = await tx.user.create({ data: { username, name, passwordHash } });
      users[username] = user.id;
    }

    await createThread(tx, users, {
      kind: "group",
      topic: "Launch planning",
      createdBy: "alice",
      members: ["alice", "bob", "carol"],
      history: groupHistory,
      readUpTo: { alice: 5, bob: 3, carol: 0 },
    });
    await createThread(tx, users, {
      kind: "direct",
      topic: "",
      createdBy: "bob",
      members: ["alice", "bob"],
      history: directHistory,
      readUpTo: { alice: 1, bob: 2 },
    });
  });
}

interface ThreadPlan {
  kind: "group" | "direct";
  topic: string;
  createdBy: Username;
  members: Username[];
  history: Entry[];
  readUpTo: Partial<Record<Username, number>>;
}

async function createThread(
  tx: Prisma.TransactionClient,
  users: Record<Username, string>,
  plan: ThreadPlan,
): Promise<void> {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const last = plan.history.at(-1)!;
  const thread = await tx.thread.create({
    data: {
      kind: plan.kind,
      topic: plan.topic,
      directPairKey:
        plan.kind === "direct"
          ? directPairKey(users[plan.members[0]!], users[plan.members[1]!])
          : null,
      createdById: users[plan.createdBy],
      createdAt: at(plan.history[0]!.ago + 1),
      lastSequence: plan.history.length,
      lastActivityAt: at(last.ago),
    },
  });

  for (const [index, entry] of plan.history.entries()) {
    const sequence = index + 1;
    await tx.message.create({
      data: {
        threadId: thread.id,
        sequence,
        changeSequence: sequence,
        type: entry.added ? "member_added" : "text",
        content: entry.text ?? "",
        priority: entry.priority ?? "normal",
        senderId: users[entry.from],
        createdAt: at(entry.ago),
        activity: entry.added
          ? { create: { actorId: users[entry.from], targetUserIds: [users[entry.added]] } }
          : undefined,
      },
    });
  }

  const joinedAt = (username: Username) => {
    const addedAt = plan.history.find((entry) => entry.added === username);
    return at(addedAt?.ago ?? plan.history[0]!.ago + 1);
  };
  await tx.member.createMany({
    data: plan.members.map((username) => {
      const readUpTo = plan.readUpTo[username] ?? 0;
      return {
        threadId: thread.id,
        userId: users[username],
        // Both sides own a 1:1 thread, as thread.create makes them; in a group, its creator.
        role:
          plan.kind === "direct" || username === plan.createdBy
            ? ("owner" as const)
            : ("member" as const),
        joinedAt: joinedAt(username),
        lastReadSequence: readUpTo,
        lastReadAt: readUpTo > 0 ? at(plan.history[readUpTo - 1]!.ago) : null,
      };
    }),
  });
}
