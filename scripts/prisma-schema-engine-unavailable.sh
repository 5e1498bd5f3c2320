#!/bin/sh
# Stands where Prisma's native schema engine would be (docs/decisions/001-migrations.md).
echo "Prisma's schema engine is not used in this project: apply migrations with 'npm run db:migrate'," >&2
echo "write new ones as SQL under prisma/migrations/ (see docs/decisions/001-migrations.md)." >&2
exit 1
