"""Run in a subprocess by the migration test: builds a schema one way, prints it as JSON.

`inspect URL`  describes a database as it is (one `cocreate migrate` built);
`models URL`   creates the schema straight from the models (the reference, tests only);
`pending`      prints the operations makemigrations would still write.
"""

from __future__ import annotations

import asyncio
import json
import sys

import asyncpg
from tortoise import Tortoise

from cocreate.doors.db import tortoise_config
from cocreate.settings import Settings

COLUMNS = """
SELECT table_name, column_name, data_type, is_nullable, character_maximum_length
FROM information_schema.columns WHERE table_schema = 'public'
  AND table_name <> 'tortoise_migrations' ORDER BY 1, 2
"""
INDEXES = """
SELECT t.relname, array_agg(a.attname ORDER BY k.ord), ix.indisunique
FROM pg_index ix
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
WHERE t.relname <> 'tortoise_migrations'
GROUP BY ix.indexrelid, t.relname, ix.indisunique ORDER BY 1, 2
"""
FOREIGN_KEYS = """
SELECT tc.table_name, kcu.column_name, ccu.table_name, rc.delete_rule
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name
JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name
JOIN information_schema.referential_constraints rc ON tc.constraint_name = rc.constraint_name
WHERE tc.constraint_type = 'FOREIGN KEY' ORDER BY 1, 2
"""


async def _describe(url: str) -> dict[str, list]:
    connection = await asyncpg.connect(url)
    try:
        return {
            name: [list(row) for row in await connection.fetch(query)]
            for name, query in (("columns", COLUMNS), ("indexes", INDEXES),
                                ("foreign_keys", FOREIGN_KEYS))
        }
    finally:
        await connection.close()


async def _main(mode: str, url: str) -> None:
    settings = Settings(database_url=url or "sqlite://:memory:")
    if mode == "models":
        await Tortoise.init(config=tortoise_config(settings))
        await Tortoise.generate_schemas()
        await Tortoise.close_connections()
    elif mode == "pending":
        from tortoise.migrations.autodetector import MigrationAutodetector

        config = tortoise_config(settings)
        context = await Tortoise.init(config=config)
        writers = await MigrationAutodetector(context.apps, config["apps"]).changes()
        await Tortoise.close_connections()
        print(json.dumps([str(op) for w in writers for op in w.operations]))
        return
    print(json.dumps(await _describe(url)))


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
