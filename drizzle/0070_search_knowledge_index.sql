-- Decision 078: the scope index (0067) again, for the knowledge kinds alone, so that a common word's postings do not
-- run over every case. Only a statement planned for its values can use a partial index (PLAN_EACH_TIME in prepareSearch).
CREATE INDEX "search_documents_knowledge_idx" ON "search_documents" USING gin ("organizer_id","kind","vector") WHERE kind IN ('article', 'question');