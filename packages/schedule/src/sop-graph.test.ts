import { describe, expect, it } from 'vitest';
import { defaultSopTemplate } from './sop-default-template.js';
import { assertWorkableTasks, findCycle } from './sop-graph.js';

const task = (key: string, dueDay: number, dependsOn: string[] = []) => ({ key, dueDay, dependsOn });

describe('SOP task dependencies', () => {
  it('accepts the default 7-day template', () => {
    expect(() => assertWorkableTasks(defaultSopTemplate.tasks)).not.toThrow();
    expect(Math.max(...defaultSopTemplate.tasks.map((t) => t.dueDay))).toBe(7);
  });

  it('finds a cycle and names it', () => {
    expect(findCycle([task('a', 1, ['c']), task('b', 1, ['a']), task('c', 1, ['b'])])).toEqual([
      'a',
      'c',
      'b',
      'a',
    ]);
    expect(() => assertWorkableTasks([task('a', 1, ['b']), task('b', 1, ['a'])])).toThrow(
      expect.objectContaining({ code: 'dependency_cycle' }),
    );
  });

  it('refuses unknown or self dependencies, repeated keys and a task due before what it waits for', () => {
    expect(() => assertWorkableTasks([task('a', 1, ['nope'])])).toThrow(
      expect.objectContaining({ code: 'unknown_dependency' }),
    );
    expect(() => assertWorkableTasks([task('a', 1, ['a'])])).toThrow(
      expect.objectContaining({ code: 'unknown_dependency' }),
    );
    expect(() => assertWorkableTasks([task('a', 1), task('a', 2)])).toThrow(
      expect.objectContaining({ code: 'duplicate_task_key' }),
    );
    expect(() => assertWorkableTasks([task('a', 3), task('b', 2, ['a'])])).toThrow(
      expect.objectContaining({ code: 'dependency_due_later' }),
    );
  });
});
