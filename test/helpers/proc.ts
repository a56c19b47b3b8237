/** What a process is running right now, from /proc (Linux): the names of its direct children. */
import fs from 'node:fs';

export function childNames(pid: number): string[] {
  const names: string[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return names; // gone
  }
  for (const task of tasks) {
    let children = '';
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) {
      try {
        names.push(fs.readFileSync(`/proc/${child}/comm`, 'utf8').trim());
      } catch {
        /* exited meanwhile */
      }
    }
  }
  return names;
}
