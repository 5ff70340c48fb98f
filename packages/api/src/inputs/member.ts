import { z } from "zod";
import { limits } from "../limits";
import { id, timestamp } from "./fields";
import { ThreadIdInput } from "./thread";

export const AddMembersInput = ThreadIdInput.extend({
  userIds: z
    .array(id("userIds[]"))
    .min(1, "give at least one user to add")
    .max(limits.membersPerAdd, `at most ${limits.membersPerAdd} users per call`),
  /** The new members see history from this moment on; unset shares all of it. */
  shareHistoryTime: timestamp("shareHistoryTime").optional(),
});

export const RemoveMemberInput = ThreadIdInput.extend({ userId: id("userId") });

export const UpdateMemberPreferencesInput = ThreadIdInput.extend({
  /** This thread's own "translate automatically"; null follows the user's setting. */
  autoTranslate: z.boolean({ error: "autoTranslate must be true, false or null" }).nullable(),
});
