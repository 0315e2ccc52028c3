import { readFileSync } from 'node:fs';

/**
 * The nice value of thread `tid` of this process (Linux): field 19 of /proc/self/task/<tid>/stat. The
 * thread's name, in parentheses before it, may hold spaces, so the fields are counted after the `) `.
 */
export function threadNice(tid: number | string): number {
  return Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
}
