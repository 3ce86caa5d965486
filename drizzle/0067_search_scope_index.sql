-- Hand-written: btree_gin lets one GIN index hold the organizer, the kind and the vector (decision 076). It is a
-- trusted extension (PostgreSQL 13+), so the database's owner may create it; PGlite loads it in openDatabase.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "search_documents_scope_idx" ON "search_documents" USING gin ("organizer_id","kind","vector");--> statement-breakpoint
DROP INDEX "search_documents_vector_idx";
