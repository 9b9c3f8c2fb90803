-- Waiting priority tickets, by service and queue order: "people ahead" counts them without reading the table
-- (a normal ticket waits behind every priority ticket under the strict rule).
CREATE INDEX tickets_priority_waiting ON tickets(queue_day, service_id, sort_key) WHERE status = 'waiting' AND priority_group IS NOT NULL;
