import { AppError } from '@livecloud/core';

interface TaskNode {
  key: string;
  dueDay: number;
  dependsOn: readonly string[];
}

/**
 * Refuses a task list whose dependencies cannot be worked through: a repeated key, a
 * dependency on a task that does not exist or on itself, a cycle, or a task due before
 * something it waits for.
 */
export function assertWorkableTasks(tasks: readonly TaskNode[]): void {
  const byKey = new Map<string, TaskNode>();
  for (const task of tasks) {
    if (byKey.has(task.key))
      throw AppError.invalid('duplicate_task_key', `Task key ${task.key} is used twice`, { key: task.key });
    byKey.set(task.key, task);
  }
  for (const task of tasks) {
    for (const dep of task.dependsOn) {
      const target = byKey.get(dep);
      if (!target || dep === task.key) {
        throw AppError.invalid(
          'unknown_dependency',
          `Task ${task.key} depends on ${dep}, which is not another task of this template`,
          {
            key: task.key,
            dependsOn: dep,
          },
        );
      }
      if (target.dueDay > task.dueDay) {
        throw AppError.invalid(
          'dependency_due_later',
          `Task ${task.key} is due on day ${task.dueDay}, before ${dep} (day ${target.dueDay})`,
          {
            key: task.key,
            dependsOn: dep,
          },
        );
      }
    }
  }
  const cycle = findCycle(tasks);
  if (cycle)
    throw AppError.invalid(
      'dependency_cycle',
      `Tasks depend on each other in a circle: ${cycle.join(' → ')}`,
      { cycle },
    );
}

/** A dependency cycle as a list of keys (first key repeated at the end), or null. */
export function findCycle(tasks: readonly TaskNode[]): string[] | null {
  const deps = new Map(tasks.map((t) => [t.key, t.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const dep of deps.get(key) ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const task of tasks) {
    const found = visit(task.key);
    if (found) return found;
  }
  return null;
}
