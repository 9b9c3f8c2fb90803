-- How many tickets wait per queue day, service and class (1 = priority), kept by triggers in the same transaction as
-- every change of a ticket, so it is never out of step. "People ahead" of a ticket just issued (the last in its queue)
-- is then this count minus the few tickets behind it, read from the index: no count over the whole queue per issue.
CREATE TABLE waiting_counts (
  queue_day  TEXT    NOT NULL,
  service_id INTEGER NOT NULL,
  priority   INTEGER NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (queue_day, service_id, priority)
) WITHOUT ROWID;

INSERT INTO waiting_counts (queue_day, service_id, priority, n)
  SELECT queue_day, service_id, priority_group IS NOT NULL, COUNT(*) FROM tickets WHERE status = 'waiting' GROUP BY 1, 2, 3;

CREATE TRIGGER waiting_counts_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting' BEGIN
  INSERT INTO waiting_counts (queue_day, service_id, priority, n) VALUES (NEW.queue_day, NEW.service_id, NEW.priority_group IS NOT NULL, 1)
    ON CONFLICT (queue_day, service_id, priority) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER waiting_counts_delete AFTER DELETE ON tickets WHEN OLD.status = 'waiting' BEGIN
  UPDATE waiting_counts SET n = n - 1
   WHERE queue_day = OLD.queue_day AND service_id = OLD.service_id AND priority = (OLD.priority_group IS NOT NULL);
END;

CREATE TRIGGER waiting_counts_update AFTER UPDATE OF status, queue_day, service_id, priority_group ON tickets
  WHEN OLD.status = 'waiting' OR NEW.status = 'waiting' BEGIN
  UPDATE waiting_counts SET n = n - 1
   WHERE OLD.status = 'waiting' AND queue_day = OLD.queue_day AND service_id = OLD.service_id AND priority = (OLD.priority_group IS NOT NULL);
  INSERT INTO waiting_counts (queue_day, service_id, priority, n)
    SELECT NEW.queue_day, NEW.service_id, NEW.priority_group IS NOT NULL, 1 WHERE NEW.status = 'waiting'
    ON CONFLICT (queue_day, service_id, priority) DO UPDATE SET n = n + 1;
END;
