// A hook around every write a test database is asked to make, through Dexie's DBCore middleware:
// below the table API, so it sees each put/add/delete of every table, whether or not the
// transaction it belongs to later commits. Tests count writes or make them fail (a full disk).
import type { DBCoreMutateResponse } from 'dexie';
import type { FactmarkDb } from '../../../src/db/schema';

/** Runs each write of `db` through `around(table, write)`; `name` names the middleware. */
export function aroundEveryWrite(
  db: FactmarkDb,
  name: string,
  around: (table: string, write: () => Promise<DBCoreMutateResponse>) => Promise<DBCoreMutateResponse>,
): void {
  db.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return { ...table, mutate: (req) => around(tableName, () => table.mutate(req)) };
      },
    }),
  });
}
