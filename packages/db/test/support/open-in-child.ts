// Run by the lock test as a separate process: opens the embedded database in argv[2].
import { openDatabase } from "../../src/client";

try {
  const database = await openDatabase({ dataDir: process.argv[2]! });
  console.log(`opened ${await database.prisma.user.count()} users`);
  await database.close();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
