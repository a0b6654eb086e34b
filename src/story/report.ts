import { sortIssues, type Issue, type ParseResult, type Story } from './types';

/** Collects issues; sorted by position when handed out, so they read top to bottom. */
export class Report {
  private readonly issues: Issue[] = [];

  constructor(private readonly file: string) {}

  /** Records an error: the part of the story it is in cannot be used. */
  error(line: number, column: number | undefined, field: string, message: string): void {
    this.add('error', line, column, field, message);
  }

  /** Records a warning: the story is usable as it is. */
  warn(line: number, column: number | undefined, field: string, message: string): void {
    this.add('warning', line, column, field, message);
  }

  /** Every issue so far, top to bottom, with the story when there is one to show. */
  result(story?: Story): ParseResult {
    const issues = sortIssues([...this.issues]);
    return story ? { story, issues } : { issues };
  }

  private add(severity: Issue['severity'], line: number, column: number | undefined, field: string, message: string) {
    const issue: Issue = { file: this.file, line, field, message, severity };
    if (column !== undefined) issue.column = column;
    this.issues.push(issue);
  }
}
