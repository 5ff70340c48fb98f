import { join } from "node:path";
import { findWorkspaceRoot } from "@spool/env";

// Found from the repository root rather than this file's URL: inside a Next.js bundle a
// module's own URL points into .next/, away from the prisma folder.
const prismaDir = join(findWorkspaceRoot(), "packages", "db", "prisma");

export const schemaPath = join(prismaDir, "schema.prisma");
export const migrationsDir = join(prismaDir, "migrations");
