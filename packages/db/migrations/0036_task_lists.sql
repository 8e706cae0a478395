-- 0036 Assigned tasks (issue 20 item 2): the list "việc tôi giao" (tasks assigned by me) and the tracking
-- summary per leader read tasks by their assigner, in deadline order; the list "việc của tôi" reads a person's
-- assignee rows (task_assignee_user_idx of 0034). Index only: no column changes.
create index task_assigned_by_idx on task (assigned_by, due_at, id);
create index task_assignee_task_idx on task_assignee (task_id);
